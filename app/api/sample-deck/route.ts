import { json, route } from "@/lib/api/route";
import { requireApiUser } from "@/lib/auth/session";
import { chooseSampleDeck } from "@/lib/db/documents/sample-deck";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

/** "Try with a sample deck": the bundled deck joins the user's decks. */
export const POST = route(async () => {
  const user = await requireApiUser();
  return json({ documentId: await chooseSampleDeck(db(), user.id, true, now()) });
});

/** Puts the sample deck away (progress on it is kept). */
export const DELETE = route(async () => {
  const user = await requireApiUser();
  return json({ documentId: await chooseSampleDeck(db(), user.id, false, now()) });
});
