import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("client address", () => {
  it("without a trusted proxy is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.5", 0)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "203.0.113.5, 198.51.100.7", 0)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:192.0.2.1", "10.0.0.1", 0)).toBe("192.0.2.1");
  });

  it("behind one proxy is the entry that proxy appended, not what the client wrote before it", () => {
    // client → proxy (appends the client's address) → app, whose peer is the proxy
    expect(clientAddress("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "forged-anything,198.51.100.7", 1)).toBe("198.51.100.7");
  });

  it("counts hops from the right with more proxies, and falls back to the left-most entry when the chain is short", () => {
    expect(clientAddress("10.0.0.3", "198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.3", "198.51.100.7", 3)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.3", null, 1)).toBe("10.0.0.3");
  });

  it("drops ports, brackets and zones, and groups IPv6 by /64", () => {
    expect(addressKey("203.0.113.5:51234")).toBe("203.0.113.5");
    expect(addressKey("[2001:db8:1:2::7]:443")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff::1")).toBe(addressKey("2001:0db8:0001:0002::2"));
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:198.51.100.9")).toBe("198.51.100.9");
    expect(addressKey("[::ffff:c633:6409]:80")).toBe("198.51.100.9");
    expect(addressKey("  Unknown ")).toBe("unknown");
    expect(addressKey("x".repeat(500))).toHaveLength(64);
  });
});
