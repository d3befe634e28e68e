import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appEnv } from "../config/env";
import { db } from "../db/runtime/client";
import { now } from "../time/clock";
import { SignInSchema } from "../validation/account";
import { verifyPassword } from "./password";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { clearSignInFailures, recordSignInFailure, signInLockedFor, throttleKeys } from "./throttle";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export function authOptions(): NextAuthOptions {
  return {
    secret: appEnv().secret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
          const keys = throttleKeys(email, clientIp(request?.headers));
          const at = now();
          const wait = await signInLockedFor(db(), keys, at);
          if (wait > 0) {
            throw new Error(`Too many failed sign-ins. Try again in ${wait} minute${wait === 1 ? "" : "s"}.`);
          }
          const user = await db().user.findUnique({ where: { email } });
          if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
            await recordSignInFailure(db(), keys, at);
            throw new Error(WRONG_CREDENTIALS);
          }
          await clearSignInFailures(db(), email);
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid as string, sv: token.sv as number };
      },
    },
  };
}

/**
 * The address sign-in failures are counted against. Next.js fills X-Forwarded-For with the
 * socket's address only when the request has none, so a client can write its own: behind a
 * reverse proxy that sets the header (KEYPOINT_TRUST_PROXY=1) its first entry is the client;
 * otherwise the last entry, the one nearest this server, is used.
 */
function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const entries = typeof forwarded === "string" ? forwarded.split(",").map((entry) => entry.trim()).filter(Boolean) : [];
  const address = appEnv().trustProxy ? entries[0] : entries.at(-1);
  return address || "local";
}
