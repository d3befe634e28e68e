import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { exec } from "../runtime/sql";
import { visibleDocumentsWhere } from "./decks";
import { renameOwnDocument } from "./document-edits";

/** Renames the user's own document; a shared deck keeps the title everyone sees. */
export async function renameDocument(db: Db, userId: string, documentId: string, title: string): Promise<{ id: string; title: string }> {
  const document = await db.document.findFirst({ where: { id: documentId, ...(await visibleDocumentsWhere(db, userId)) }, select: { ownerId: true } });
  if (!document) throw new NotFound("Document");
  if (document.ownerId !== userId) throw new Conflict("The default deck is shared with everyone, so its title stays as it is.", "SHARED_DECK");
  await sqlOf(db).transaction(() => exec(renameOwnDocument(userId, documentId, title)));
  return { id: documentId, title };
}
