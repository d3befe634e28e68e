/**
 * Runs once when the server starts (next start, next dev), before it serves a request: the
 * socket address hook (lib/auth/peer-hook.ts) and the memory-model sweeps
 * (lib/db/memory-model/sweeper.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerHook } = await import("./lib/auth/peer-hook");
  installPeerHook();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startSweeping }, { db }] = await Promise.all([import("./lib/db/memory-model/sweeper"), import("./lib/db/runtime/client")]);
  startSweeping(db);
}
