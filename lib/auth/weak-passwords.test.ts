import { describe, expect, it } from "vitest";
import { PasswordChangeSchema, SignUpSchema } from "../validation/account";
import { passwordWeakness } from "./weak-passwords";

describe("weak passwords", () => {
  it("refuses the most common passwords whatever their case and surrounding spaces", () => {
    for (const password of ["password", "Password", "PASSWORD ", "12345678", "qwertyuiop", "iloveyou", "1qaz2wsx", "sunshine", "football"]) {
      expect(passwordWeakness(password), password).toMatch(/most common/);
    }
  });

  it("refuses whitespace only and one character repeated", () => {
    expect(passwordWeakness("        ")).toBe("A password cannot be only spaces.");
    expect(passwordWeakness("\t\t\t\t \n  ")).toBe("A password cannot be only spaces.");
    expect(passwordWeakness("zzzzzzzzzz")).toMatch(/repeated/);
  });

  it("accepts passphrases and uncommon passwords", () => {
    for (const password of ["correct horse battery", "a brand new passphrase", "Tr0ub4dor&3-extra", "keypoint rocks 2026"]) {
      expect(passwordWeakness(password), password).toBeNull();
    }
  });

  it("is checked at sign-up and on password change, with a readable message", () => {
    const signUp = SignUpSchema.safeParse({ email: "a@example.com", password: "password" });
    expect(signUp.success).toBe(false);
    expect(signUp.error?.issues[0]?.message).toMatch(/one of the most common/);
    const change = PasswordChangeSchema.safeParse({ currentPassword: "whatever", newPassword: "        " });
    expect(change.error?.issues.map((issue) => issue.message)).toEqual(["A password cannot be only spaces."]);
  });
});
