import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appEnv } from "../config/env";
import { db } from "../db/runtime/client";
import { endAllSessions, revokeSession } from "../db/users/revoked-sessions";
import { now } from "../time/clock";
import { SignInSchema } from "../validation/account";
import { requestClientAddress } from "./client-address";
import { liveSessionUser, type SessionClaims } from "./live-session";
import { verifyPassword } from "./password";
import { safeRedirect } from "./return-path";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { clearSignInFailures, lockedFor, recordAttempt, throttleKeys, waitMessage } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";
const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: appEnv().secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = SignInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
          const { email, password } = parsed.data;
          const keys = throttleKeys(email, requestClientAddress(request?.headers, appEnv().trustedProxies));
          const at = now();
          const wait = await lockedFor(db(), keys, at);
          if (wait > 0) {
            throw new Error(waitMessage("Too many failed sign-ins.", wait));
          }
          const user = await db().user.findUnique({ where: { email } });
          if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
            await recordAttempt(db(), keys, at);
            throw new Error(WRONG_CREDENTIALS);
          }
          await clearSignInFailures(db(), email);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sid = randomUUID();
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        // Every read of a session (/api/auth/session, getServerSession) checks it is still live:
        // next-auth then answers "no session" and clears the cookie.
        if (!(await liveSessionUser(token as SessionClaims))) throw new SessionEnded();
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid as string, sid: token.sid as string | undefined, sv: token.sv as number };
      },
    },
    events: {
      // Signing out ends the session on the server too: a copy of its cookie kept from before no longer works.
      async signOut({ token }) {
        const { uid, sid } = (token ?? {}) as SessionClaims;
        if (!uid) return;
        const at = now();
        if (sid) await revokeSession(db(), { sessionId: sid, userId: uid }, at, new Date(at.getTime() + SESSION_MAX_AGE_S * 1000));
        // A token from before sessions had ids can only be ended with all of the user's sessions.
        else await endAllSessions(db(), uid);
      },
    },
    logger: {
      error(code, metadata) {
        if ((metadata as { name?: string } | undefined)?.name === SESSION_ENDED) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
}

/** A session signed out, or from before a password change: next-auth treats the token as invalid. */
const SESSION_ENDED = "SessionEnded";
class SessionEnded extends Error {
  name = SESSION_ENDED;
  constructor() {
    super("This session has ended.");
  }
}
