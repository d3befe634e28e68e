/**
 * A user's own changes to their documents and cards, as plain-SQL statements (the one way
 * Document, Topic and Card are written; a generated deck is written by deck-writes.ts): a title,
 * a soft delete and its undoing, the purge of documents deleted long ago, a card written by hand,
 * cards deleted or moved. Each touches only rows of documents the user owns; the database's
 * foreign keys take a deleted card's states and history, and a purged document's everything.
 */
import type { StudyCardKind } from "../../cards/card-content";
import { newId } from "../runtime/ids";
import { changes, sql, sqlList, type Statement } from "../runtime/sql";
import { handCardFingerprint } from "../cards/hand-card";

const OWN_DOCUMENTS = (userId: string) => sql`SELECT "id" FROM "Document" WHERE "ownerId" = ${userId}`;

export function renameOwnDocument(userId: string, documentId: string, title: string): Statement<number> {
  return changes(sql`UPDATE "Document" SET "title" = ${title} WHERE "id" = ${documentId} AND "ownerId" = ${userId}`);
}

/** Deletes the user's document softly (`at`), or brings it back (null). */
export function setOwnDocumentDeleted(userId: string, documentId: string, at: Date | null): Statement<number> {
  return changes(sql`UPDATE "Document" SET "deletedAt" = ${at} WHERE "id" = ${documentId} AND "ownerId" = ${userId}`);
}

/** Deletes for good every document deleted before `before`, with its cards, states, history and quizzes. */
export function purgeDocumentsDeletedBefore(before: Date): Statement<number> {
  return changes(sql`DELETE FROM "Document" WHERE "deletedAt" IS NOT NULL AND "deletedAt" < ${before}`);
}

export interface HandCardRow {
  documentId: string;
  topicId: string | null;
  kind: StudyCardKind;
  prompt: string;
  answer: string;
  options: readonly string[] | null;
  source: string;
  searchText: string;
  position: number;
}

/** A card written by hand (Card.manual: a new version of the text keeps it); its id. */
export function insertHandCard(card: HandCardRow, now: Date): Statement<string> {
  const id = newId();
  return {
    ...sql`INSERT INTO "Card" ("id", "documentId", "topicId", "fingerprint", "kind", "prompt", "answer", "options", "source", "quality", "position", "createdAt", "manual", "searchText")
      VALUES (${id}, ${card.documentId}, ${card.topicId}, ${handCardFingerprint()}, ${card.kind.toUpperCase()}, ${card.prompt}, ${card.answer},
        ${card.options ? JSON.stringify(card.options) : null}, ${card.source}, ${1}, ${card.position}, ${now}, ${true}, ${card.searchText})`,
    read: () => id,
  };
}

/** Deletes the user's own cards among `cardIds`; their states and history go with them. */
export function deleteOwnCards(userId: string, cardIds: readonly string[]): Statement<number> {
  return changes(sql`DELETE FROM "Card" WHERE "id" IN (${sqlList(cardIds)}) AND "documentId" IN (${OWN_DOCUMENTS(userId)})`);
}

/** Moves the user's own cards among `cardIds` to a topic (null: the document's key points); a new version of the text keeps them there. */
export function moveOwnCards(userId: string, cardIds: readonly string[], topicId: string | null): Statement<number> {
  return changes(sql`UPDATE "Card" SET "topicId" = ${topicId}, "topicMoved" = ${true} WHERE "id" IN (${sqlList(cardIds)}) AND "documentId" IN (${OWN_DOCUMENTS(userId)})`);
}
