/**
 * One-time password-reset links. The link carries a random secret; only its SHA-256 is
 * stored, so a copy of the database cannot be turned into working links. A link works once,
 * for 30 minutes; using it ends every session of the account and every other open link.
 */
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "../api/errors";
import type { Db } from "../db/runtime/client";
import { hashPassword } from "./password";
import { clearSignInFailures } from "./throttle";

export const RESET_LINK_MINUTES = 30;
/** Links "Forgot password" sends per account in RESET_LINK_MINUTES; more requests send nothing. */
export const RESET_EMAILS_PER_WINDOW = 3;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/reset-password?token=${encodeURIComponent(token)}`;
}

/** A new link's secret for the account with this email, or null when there is no such account. */
export async function issuePasswordReset(db: Db, email: string, now: Date): Promise<{ token: string; expiresAt: Date } | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  await db.passwordReset.create({ data: { userId: user.id, tokenHash: hashOf(token), expiresAt, createdAt: now } });
  return { token, expiresAt };
}

/** Links issued to this email's account within the last window (to keep "Forgot password" from flooding an inbox). */
export async function recentResetCount(db: Db, email: string, now: Date): Promise<number> {
  return db.passwordReset.count({ where: { user: { email }, createdAt: { gt: new Date(now.getTime() - RESET_LINK_MINUTES * 60_000) } } });
}

const unusable = {
  invalid: () => new ApiError(400, "RESET_LINK_INVALID", "This reset link is not valid. Copy the whole link, or ask for a new one."),
  used: () => new ApiError(410, "RESET_LINK_USED", "This reset link has already been used. Ask for a new one if you need to."),
  expired: () => new ApiError(410, "RESET_LINK_EXPIRED", `This reset link has expired (links last ${RESET_LINK_MINUTES} minutes). Ask for a new one.`),
};

async function usableReset(db: Db, token: string, now: Date) {
  const reset = token ? await db.passwordReset.findUnique({ where: { tokenHash: hashOf(token) }, include: { user: { select: { email: true } } } }) : null;
  if (!reset) throw unusable.invalid();
  if (reset.usedAt) throw unusable.used();
  if (reset.expiresAt.getTime() <= now.getTime()) throw unusable.expired();
  return reset;
}

/** The email a link resets, for its page; a readable ApiError when the link cannot be used. */
export async function resetLinkEmail(db: Db, token: string, now: Date): Promise<string> {
  return (await usableReset(db, token, now)).user.email;
}

/**
 * Sets a new password through a reset link. The link is claimed first (only one request can),
 * then the password changes and the session version moves on, so every session signed in
 * before (a thief's included) ends. Returns the account's email, to sign in with.
 */
export async function resetPassword(db: Db, token: string, newPassword: string, now: Date): Promise<string> {
  const reset = await usableReset(db, token, now);
  const passwordHash = await hashPassword(newPassword);
  const claimed = await db.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) throw unusable.used();
  await db.user.update({ where: { id: reset.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  await db.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
  await clearSignInFailures(db, reset.user.email);
  return reset.user.email;
}
