import { ApiError, badRequest } from "../api/errors";
import type { Db } from "../db/runtime/client";
import type { PasswordChangeInput } from "../validation/account";
import { hashPassword, verifyPassword } from "./password";
import { lockedFor, passwordChangeKeys, recordAttempt, waitMessage } from "./throttle";

/**
 * Changes a user's password after checking the current one. Bumps the user's
 * session version in the same write, so every session signed in before the change
 * (other browsers, a stolen cookie) stops working at its next request.
 * Wrong current passwords count as failed sign-ins for the email, so a stolen
 * session cannot be used to guess the password. Returns the new session version.
 */
export async function changePassword(db: Db, userId: string, input: PasswordChangeInput, now: Date): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true, sessionVersion: true } });
  if (!user) throw new ApiError(401, "UNAUTHENTICATED", "Sign in to continue.");
  const keys = passwordChangeKeys(user.email);
  const wait = await lockedFor(db, keys, now);
  if (wait > 0) {
    throw new ApiError(429, "TOO_MANY_ATTEMPTS", waitMessage("Too many wrong passwords.", wait));
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAttempt(db, keys, now);
    throw new ApiError(403, "WRONG_PASSWORD", "Your current password is not right.");
  }
  if (input.currentPassword === input.newPassword) {
    throw badRequest("Choose a new password that differs from the current one.", "SAME_PASSWORD");
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Only if nobody changed it meanwhile: two changes racing do not both win.
  const { count } = await db.user.updateMany({
    where: { id: userId, sessionVersion: user.sessionVersion },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count !== 1) throw new ApiError(409, "CHANGED", "Your account changed meanwhile. Sign in again and retry.");
  return user.sessionVersion + 1;
}
