import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { unauthorized } from "../api/errors";
import { db } from "../db/client";
import { authOptions } from "./options";

export type SignedInUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;

/** The signed-in user, or null. A token from before a password change no longer counts. */
export async function currentUser() {
  const session = (await getServerSession(authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({ where: { id: session.uid } });
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
