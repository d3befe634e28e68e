import { ApiError } from "@/lib/api/errors";
import { json, readJson, route } from "@/lib/api/route";
import { issuePasswordReset, recentResetCount, resetLink, RESET_EMAILS_PER_WINDOW } from "@/lib/auth/password-reset";
import { sendResetMail } from "@/lib/auth/reset-mail";
import { appEnv } from "@/lib/config/env";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { ForgotPasswordSchema } from "@/lib/validation/account";

const SENT = "If an account uses that email, a reset link is on its way. Check your inbox (and spam folder).";

/**
 * Emails a reset link. The answer is the same whether or not the account exists, so the form
 * cannot be used to find out who has one; a few links per half hour at most reach one inbox.
 */
export const POST = route(async (request) => {
  const { mail, baseUrl } = appEnv();
  const { email } = await readJson(request, ForgotPasswordSchema);
  if (!mail) {
    throw new ApiError(404, "RESET_BY_EMAIL_OFF", "This Keypoint does not send email. Ask the person who runs it for a reset link.");
  }
  const at = now();
  if ((await recentResetCount(db(), email, at)) < RESET_EMAILS_PER_WINDOW) {
    const issued = await issuePasswordReset(db(), email, at);
    if (issued) {
      await sendResetMail(mail, email, resetLink(baseUrl, issued.token)).catch((error) => {
        console.error("The reset email could not be sent", error);
      });
    }
  }
  return json({ message: SENT });
});
