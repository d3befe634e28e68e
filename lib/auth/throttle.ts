import type { Db } from "../db/client";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email}`, `ip:${ip}`];
}

/** Minutes until sign-in is allowed again for any of `keys`, or 0 when it is allowed now. */
export async function signInLockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  const waits = rows
    .filter((row) => row.failures >= MAX_FAILURES && now.getTime() - row.windowStart.getTime() < WINDOW_MS)
    .map((row) => row.windowStart.getTime() + WINDOW_MS - now.getTime());
  return waits.length ? Math.ceil(Math.max(...waits) / 60_000) : 0;
}

export async function recordSignInFailure(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await db.authThrottle.findUnique({ where: { key } });
    const expired = !row || now.getTime() - row.windowStart.getTime() >= WINDOW_MS;
    await db.authThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStart: now },
      update: expired ? { failures: 1, windowStart: now } : { failures: { increment: 1 } },
    });
  }
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: `email:${email}` } });
}
