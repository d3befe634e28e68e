import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { appEnv } from "../config/env";
import { unauthorized } from "../api/errors";
import { db, sqlOf } from "../db/runtime/client";
import type { User } from "../db/generated/sqlite/client";
import { firstRow, readDate, readOne, sql } from "../db/runtime/sql";
import { authOptions } from "./options";
import { decodeSessionToken } from "./session-token";

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

type SessionClaims = { uid?: string; sv?: number };

/** A session token younger than this is read directly; an older one goes through next-auth, which renews it. */
const RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The session's claims. getServerSession costs a CSRF token, callbacks and a re-encrypted
 * cookie on every request; a token issued within the last day is read here instead, and
 * next-auth's own path (which slides the expiry in route handlers) runs for anything else.
 */
async function sessionClaims(): Promise<SessionClaims | null> {
  const env = appEnv();
  const name = `${env.baseUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
  const token = (await cookies()).get(name)?.value;
  if (token) {
    const claims = await decodeSessionToken({ token, secret: env.secret }).catch(() => null);
    if (claims && typeof claims.iat === "number" && Date.now() - claims.iat * 1000 < RENEW_AFTER_MS) return claims as SessionClaims;
  }
  return (await getServerSession(authOptions())) as SessionClaims | null;
}

/** The signed-in user, or null. A token from before a password change no longer counts. */
export async function currentUser() {
  const session = await sessionClaims();
  if (!session?.uid) return null;
  // On the raw driver: this runs on every request (lib/db/runtime/sql.ts).
  const user = await readOne(sqlOf(db()), userById(session.uid));
  if (!user || user.sessionVersion !== (session.sv ?? 0)) return null;
  return user;
}

/** For API routes: the user, or a 401 ApiError. */
export async function requireApiUser() {
  const user = await currentUser();
  if (!user) throw unauthorized();
  return user;
}

/** For pages: the user, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string) {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

function userById(id: string) {
  return firstRow(sql`SELECT * FROM "User" WHERE "id" = ${id}`, (row): User => ({
    ...(row as unknown as User),
    desiredRetention: Number(row.desiredRetention),
    dailyNewLimit: Number(row.dailyNewLimit),
    dailyReviewLimit: Number(row.dailyReviewLimit),
    sessionVersion: Number(row.sessionVersion),
    autoOptimise: Boolean(row.autoOptimise),
    createdAt: readDate(row.createdAt),
  }));
}
