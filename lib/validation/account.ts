import { z } from "zod";
import { passwordWeakness } from "../auth/weak-passwords";
import { wellFormed } from "./well-formed";

/** Text fields of the account forms; next-auth parses sign-in bodies itself, so they are made well-formed here too. */
const text = () => z.string().overwrite(wellFormed);

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .overwrite(wellFormed)
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like ada@example.com." }));

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .overwrite(wellFormed)
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Use at most 200 characters for your password.")
  .superRefine((password, context) => {
    const weakness = passwordWeakness(password);
    if (weakness) context.addIssue({ code: "custom", message: weakness });
  });

export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, "Unknown time zone.");

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  name: text().trim().max(80, "Use at most 80 characters for your name.").optional(),
  timeZone: TimeZoneSchema.optional(),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: text().min(1, "Enter your password.").max(200),
});

export const PasswordChangeSchema = z.object({
  currentPassword: text().min(1, "Enter your current password.").max(200),
  newPassword: PasswordSchema,
});

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export type PasswordChangeInput = z.infer<typeof PasswordChangeSchema>;
