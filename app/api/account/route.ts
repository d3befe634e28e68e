import { createAccount } from "@/lib/auth/accounts";
import { json, readJson, route } from "@/lib/api/route";
import { SignUpSchema } from "@/lib/validation/account";

export const POST = route(async (request) => {
  const input = await readJson(request, SignUpSchema);
  const user = await createAccount(input);
  return json({ user }, 201);
});
