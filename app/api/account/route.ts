import { createAccount } from "@/lib/auth/accounts";
import { requestClientAddress } from "@/lib/auth/client-address";
import { appEnv } from "@/lib/config/env";
import { db } from "@/lib/db/runtime/client";
import { json, readJson, route } from "@/lib/api/route";
import { now } from "@/lib/time/clock";
import { SignUpSchema } from "@/lib/validation/account";

export const POST = route(async (request) => {
  const input = await readJson(request, SignUpSchema);
  const user = await createAccount(db(), input, requestClientAddress(request.headers, appEnv().trustedProxies), now());
  return json({ user }, 201);
});
