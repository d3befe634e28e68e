import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { appEnv } from "../config/env";
import { unauthorized } from "../api/errors";
import { liveSessionUser, type SessionClaims } from "./live-session";
import { authOptions } from "./options";
import { decodeSessionToken } from "./session-token";

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

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

/** The signed-in user, or null. A token from before a password change or a sign-out no longer counts. */
export async function currentUser() {
  return liveSessionUser(await sessionClaims());
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
