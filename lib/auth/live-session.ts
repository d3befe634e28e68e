import { db } from "../db/runtime/client";
import type { User } from "../db/generated/sqlite/client";
import { sessionUser } from "../db/users/revoked-sessions";

/** What a session token says about its session: the user, the session's id and the user's session version then. */
export interface SessionClaims {
  uid?: string;
  /** The signed-in session's id, shared by every token of it (next-auth re-issues tokens as they age). */
  sid?: string;
  sv?: number;
}

/**
 * The signed-in user, if the session is still live: the account exists, its password has not
 * changed since (session version), and the session was not signed out (RevokedSession).
 */
export async function liveSessionUser(claims: SessionClaims | null | undefined): Promise<User | null> {
  if (!claims?.uid) return null;
  const found = await sessionUser(db(), claims.uid, claims.sid ?? null);
  if (!found || found.revoked || found.user.sessionVersion !== (claims.sv ?? 0)) return null;
  return found.user;
}
