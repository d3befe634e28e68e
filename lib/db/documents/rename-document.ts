import type { Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { visibleDocumentsWhere } from "./decks";

/** Renames the user's own document; a shared deck keeps the title everyone sees. */
export async function renameDocument(db: Db, userId: string, documentId: string, title: string): Promise<{ id: string; title: string }> {
  const document = await db.document.findFirst({ where: { id: documentId, ...visibleDocumentsWhere(userId) }, select: { ownerId: true } });
  if (!document) throw new NotFound("Document");
  if (document.ownerId !== userId) throw new Conflict("The default deck is shared with everyone, so its title stays as it is.", "SHARED_DECK");
  return db.document.update({ where: { id: documentId }, data: { title }, select: { id: true, title: true } });
}
