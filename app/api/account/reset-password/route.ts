import { json, readJson, route } from "@/lib/api/route";
import { resetPassword } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { ResetPasswordSchema } from "@/lib/validation/account";

/** Sets a new password through a one-time reset link; every session of the account ends. */
export const POST = route(async (request) => {
  const { token, newPassword } = await readJson(request, ResetPasswordSchema);
  return json({ email: await resetPassword(db(), token, newPassword, now()) });
});
