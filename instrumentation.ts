/** Runs once when the server starts (next start, next dev), before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerHook } = await import("./lib/auth/peer-hook");
    installPeerHook();
  }
}
