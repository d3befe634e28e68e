import { ApiError, conflict } from "../api/errors";
import type { Db } from "../db/runtime/client";
import { isUniqueViolation } from "../db/runtime/transient-errors";
import type { SignUpInput } from "../validation/account";
import { hashPassword } from "./password";
import { lockedFor, recordAttempt, signUpKeys, waitMessage } from "./throttle";

const taken = () => conflict("An account with this email already exists. Sign in instead.", "EMAIL_TAKEN");

/**
 * Creates an account. Sign-ups are counted per client address (throttle.ts), and the
 * password is hashed before the email is looked up, so a taken email costs the same time
 * as a new one: the answer's timing tells nothing the rate-limited 409 does not.
 */
export async function createAccount(db: Db, input: SignUpInput, clientAddress: string, now: Date) {
  const keys = signUpKeys(clientAddress);
  const wait = await lockedFor(db, [keys.attempts, keys.taken], now);
  if (wait > 0) throw new ApiError(429, "TOO_MANY_SIGN_UPS", waitMessage("Too many sign-ups from your network.", wait));
  await recordAttempt(db, [keys.attempts], now);
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await recordAttempt(db, [keys.taken], now);
    throw taken();
  }
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name || null, passwordHash, timeZone: input.timeZone ?? "UTC" },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
