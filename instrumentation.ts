/** Runs once when a Keypoint server starts: the memory-model sweeps (lib/db/memory-model/sweeper.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startSweeping }, { db }] = await Promise.all([import("./lib/db/memory-model/sweeper"), import("./lib/db/runtime/client")]);
  startSweeping(db);
}
