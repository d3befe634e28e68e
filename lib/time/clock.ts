/**
 * The server's clock. End-to-end tests move it forward ("come back tomorrow")
 * through a test-only route that exists only when KEYPOINT_TEST_HOOKS=1.
 */
const state = globalThis as unknown as { keypointClockOffsetMs?: number };

export function now(): Date {
  return new Date(Date.now() + (state.keypointClockOffsetMs ?? 0));
}

export function setClockOffset(ms: number): void {
  state.keypointClockOffsetMs = ms;
}
