import { conflict } from "../api/errors";
import type { Db } from "../db/runtime/client";
import { isUniqueViolation } from "../db/runtime/transient-errors";
import type { SignUpInput } from "../validation/account";
import { hashPassword } from "./password";

export async function createAccount(db: Db, input: SignUpInput) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict("An account with this email already exists. Sign in instead.", "EMAIL_TAKEN");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name || null, passwordHash, timeZone: input.timeZone ?? "UTC" },
      select: { id: true, email: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("An account with this email already exists. Sign in instead.", "EMAIL_TAKEN");
    }
    throw error;
  }
}
