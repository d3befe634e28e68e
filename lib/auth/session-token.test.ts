import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-some-length-0123456789";

describe("session token", () => {
  it("opens tokens next-auth made, and next-auth opens ours", async () => {
    const theirs = await encode({ token: { uid: "u1", sv: 2 }, secret });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject({ uid: "u1", sv: 2 });
    const ours = await encodeSessionToken({ token: { uid: "u2", sv: 0 }, secret });
    expect(await decode({ token: ours, secret })).toMatchObject({ uid: "u2", sv: 0 });
  });

  it("refuses a token made with another secret, and reads no token as no session", async () => {
    const ours = await encodeSessionToken({ token: { uid: "u3" }, secret });
    await expect(decodeSessionToken({ token: ours, secret: `${secret}-other` })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("expires after maxAge", async () => {
    const expired = await encodeSessionToken({ token: { uid: "u4" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
  });
});
