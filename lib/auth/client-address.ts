/**
 * The client address that sign-in and sign-up limits are counted against.
 *
 * The only address nobody can forge is the socket's peer (stamped on every request by
 * peer-hook.ts). X-Forwarded-For is written by whoever sent the request, so it is read only
 * as far as trusted proxies wrote it: with `trustedProxies` = N (KEYPOINT_TRUST_PROXY, as
 * Express's `trust proxy` hop count) the chain is the header's entries followed by the peer,
 * and the client is the entry N hops in from the right. Entries further left are the
 * client's own words and never read.
 */
import { isIPv4, isIPv6 } from "node:net";

/** The header peer-hook.ts sets from the socket on every request, replacing any sent value. */
export const PEER_HEADER = "x-keypoint-peer-address";
const HOOK_MARK = Symbol.for("keypoint.peerAddressHook");

export function markPeerHookInstalled(): void {
  (globalThis as Record<symbol, unknown>)[HOOK_MARK] = true;
}

function peerHookInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[HOOK_MARK] === true;
}

/**
 * An address as a throttle key: IPv4 as is (an IPv4-mapped IPv6 address is its IPv4), IPv6
 * as its /64 network, since one subscriber or host commonly holds a whole /64. A port, brackets
 * and an IPv6 zone are dropped. Anything else is kept, lower-cased and cut to 64 characters.
 */
export function addressKey(raw: string): string {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, "");
  if (isIPv4(value)) return value;
  if (isIPv6(value)) {
    const groups = ipv6Groups(value);
    if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
      return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
    }
    return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
  }
  return value.slice(0, 64) || "unknown";
}

/** The eight 16-bit groups of a valid IPv6 address (with "::" expanded and a dotted IPv4 tail read). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : new Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16));
}

/** The client from the peer address, the X-Forwarded-For header and the number of trusted proxy hops. */
export function clientAddress(peer: string, forwardedFor: string | null | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0) return addressKey(peer);
  const forwarded = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  return addressKey(chain[Math.max(0, chain.length - 1 - trustedProxies)]!);
}

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : null;
}

let warned = false;

/**
 * The client address of a request, from its headers (a Request's, or next-auth's plain object).
 * Without the peer hook (instrumentation.ts) the peer header could be the client's own: then
 * every request counts as one address, which is strict but cannot be bypassed.
 */
export function requestClientAddress(headers: HeaderSource, trustedProxies: number): string {
  const peer = header(headers, PEER_HEADER);
  if (!peerHookInstalled() || !peer) {
    if (!warned) console.error("Keypoint: the socket address hook is not installed; sign-in limits count every client as one address.");
    warned = true;
    return "unknown";
  }
  return clientAddress(peer, header(headers, "x-forwarded-for"), trustedProxies);
}
