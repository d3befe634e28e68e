// The Prisma CLI's JS schema engine leaves a long idle timer running, which keeps
// every command alive for about a minute after it has finished. Long timers
// started in the CLI process are unref'd so the process exits when its work is done.
const LONG_TIMER_MS = 5_000;
const originalSetTimeout = globalThis.setTimeout;

globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= LONG_TIMER_MS) timer.unref?.();
  return timer;
}) as typeof setTimeout;
