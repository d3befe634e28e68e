import { createAccount } from "@/lib/auth/accounts";
import { db } from "@/lib/db/runtime/client";
import { json, readJson, route } from "@/lib/api/route";
import { SignUpSchema } from "@/lib/validation/account";

export const POST = route(async (request) => {
  const input = await readJson(request, SignUpSchema);
  const user = await createAccount(db(), input);
  return json({ user }, 201);
});
