import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { unauthorized } from "../api/errors";
import { db, sqlOf } from "../db/client";
import type { User } from "../db/generated/sqlite/client";
import { firstRow, readDate, readOne, sql } from "../db/sql";
import { authOptions } from "./options";

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

/** The signed-in user, or null. A token from before a password change no longer counts. */
export async function currentUser() {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  // On the raw driver: this runs on every request (sql.ts).
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
    createdAt: readDate(row.createdAt),
  }));
}
