import { json, readJson, route } from "@/lib/api/route";
import { changePassword } from "@/lib/auth/change-password";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";
import { PasswordChangeSchema } from "@/lib/validation/account";

/** Changes the signed-in user's password; every existing session (this one too) ends. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = await readJson(request, PasswordChangeSchema, 4 * 1024);
  await changePassword(db(), user.id, input, now());
  return json({ changed: true, signedOut: true });
});
