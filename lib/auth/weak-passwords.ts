/**
 * Passwords attackers try first. The list is zxcvbn's (@zxcvbn-ts/language-common): about
 * 49,000 passwords from leaked databases, most common first; those of 8 characters or more
 * are the ones the length rule leaves. Compared without case and surrounding spaces, so
 * "Password" and "password " are as weak as "password".
 */
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].filter((password) => password.length >= 8));
  return common;
}

/** Why a password of allowed length is too weak, or null when it will do. */
export function passwordWeakness(password: string): string | null {
  if (password.trim() === "") return "A password cannot be only spaces.";
  if (/^(.)\1*$/su.test(password)) return "A password of one character repeated is guessed at once. Choose another one.";
  if (commonPasswords().has(password.trim().toLowerCase())) {
    return "This password is one of the most common ones, which attackers try first. Choose another one, such as a few unrelated words.";
  }
  return null;
}
