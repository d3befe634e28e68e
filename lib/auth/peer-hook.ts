/**
 * Stamps every HTTP request this process serves with its socket's peer address, under a
 * header nobody outside can set (any value a client sent under that name is replaced).
 * Node publishes `http.server.request.start` before the server's 'request' event, so this
 * runs ahead of Next.js for every server it starts (`next start`, `next dev`), whatever
 * launched it. Installed once per process from instrumentation.ts.
 */
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { markPeerHookInstalled, PEER_HEADER } from "./client-address";

const INSTALLED = Symbol.for("keypoint.peerAddressSubscriber");

export function installPeerHook(): void {
  const registry = globalThis as Record<symbol, unknown>;
  if (registry[INSTALLED]) return;
  const stamp = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? "unknown";
  };
  // Kept on globalThis: a subscriber held only by the channel could be garbage-collected.
  registry[INSTALLED] = stamp;
  subscribe("http.server.request.start", stamp);
  markPeerHookInstalled();
}
