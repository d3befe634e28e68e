import type { Db } from "../db/runtime/client";

export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failures allowed per window, per key. Guessing one account from one address stops after 5;
 * one address trying many accounts after 20; one account guessed from many addresses after 50.
 * Counting an email on its own at 5 would let anyone lock someone else out with 5 wrong tries.
 */
export const FAILURE_LIMITS = { emailFromAddress: 5, address: 20, email: 50 } as const;

/**
 * Sign-ups per address: 10 a minute (a burst of scripted sign-ups stops; a class signing up
 * behind one router does not), and 5 answers of "this email is taken" per 15 minutes, which is
 * all sign-up tells about who has an account.
 */
export const SIGN_UP_LIMITS = { perMinute: 10, takenEmails: 5 } as const;
const MINUTE_MS = 60 * 1000;

export function throttleKeys(email: string, ip: string): string[] {
  return [`pair:${email}|${ip}`, `ip:${ip}`, `email:${email}`];
}

/** The current password typed on the account page: guessed through a stolen session, it stops after 5 too. */
export function passwordChangeKeys(email: string): string[] {
  return [`pair:${email}|account-page`, `email:${email}`];
}

export function signUpKeys(ip: string) {
  return { attempts: `signup:${ip}`, taken: `signup-taken:${ip}` };
}

function limitOf(key: string): { max: number; windowMs: number } {
  const [kind] = key.split(":", 1);
  switch (kind) {
    case "pair":
      return { max: FAILURE_LIMITS.emailFromAddress, windowMs: WINDOW_MS };
    case "ip":
      return { max: FAILURE_LIMITS.address, windowMs: WINDOW_MS };
    case "signup":
      return { max: SIGN_UP_LIMITS.perMinute, windowMs: MINUTE_MS };
    case "signup-taken":
      return { max: SIGN_UP_LIMITS.takenEmails, windowMs: WINDOW_MS };
    default:
      return { max: FAILURE_LIMITS.email, windowMs: WINDOW_MS };
  }
}

/** Minutes until an attempt is allowed again for every one of `keys`, or 0 when it is allowed now. */
export async function lockedFor(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  const waits = rows
    .map((row) => ({ row, limit: limitOf(row.key) }))
    .filter(({ row, limit }) => row.failures >= limit.max && now.getTime() - row.windowStart.getTime() < limit.windowMs)
    .map(({ row, limit }) => row.windowStart.getTime() + limit.windowMs - now.getTime());
  return waits.length ? Math.ceil(Math.max(...waits) / 60_000) : 0;
}

/** Counts one attempt (a failed sign-in, a sign-up) against each key, starting a new window where the last one ended. */
export async function recordAttempt(db: Db, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await db.authThrottle.findUnique({ where: { key } });
    const expired = !row || now.getTime() - row.windowStart.getTime() >= limitOf(key).windowMs;
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

export function waitMessage(what: string, minutes: number): string {
  return `${what} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
