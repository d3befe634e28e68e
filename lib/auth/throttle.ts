import type { Db } from "../db/runtime/client";

export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failures allowed per window, per key. Guessing one account from one address stops after 5;
 * one address trying many accounts after 20; one account guessed from many addresses after 50.
 * Counting an email on its own at 5 would let anyone lock someone else out with 5 wrong tries.
 */
export const FAILURE_LIMITS = { emailFromAddress: 5, address: 20, email: 50 } as const;

export function throttleKeys(email: string, ip: string): string[] {
  return [`pair:${email}|${ip}`, `ip:${ip}`, `email:${email}`];
}

/** The current password typed on the account page: guessed through a stolen session, it stops after 5 too. */
export function passwordChangeKeys(email: string): string[] {
  return [`pair:${email}|account-page`, `email:${email}`];
}

function limitOf(key: string): number {
  if (key.startsWith("pair:")) return FAILURE_LIMITS.emailFromAddress;
  return key.startsWith("ip:") ? FAILURE_LIMITS.address : FAILURE_LIMITS.email;
}

/** Minutes until sign-in is allowed again for any of `keys`, or 0 when it is allowed now. */
export async function signInLockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  const waits = rows
    .filter((row) => row.failures >= limitOf(row.key) && now.getTime() - row.windowStart.getTime() < WINDOW_MS)
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

/** After a successful sign-in: the account's failures are forgotten (an address's are not). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { OR: [{ key: `email:${email}` }, { key: { startsWith: `pair:${email}|` } }] } });
}
