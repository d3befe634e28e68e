/**
 * Taking a deck out of a user's study, and bringing it back. A user's own document is
 * deleted softly: it disappears at once and is purged with its cards and their history
 * after DELETED_KEPT_DAYS (restorable until then). A bundled deck is shared, so removing it
 * hides it for that user only (their history of it is kept); it comes back from the settings.
 */
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { exec } from "../runtime/sql";
import { visibleDocumentsWhere } from "./decks";
import { purgeDocumentsDeletedBefore, setOwnDocumentDeleted } from "./document-edits";

export const DELETED_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;

/** What removing the deck takes out of the user's study, for the confirmation that names it. */
export interface DeckFootprint {
  id: string;
  title: string;
  builtin: boolean;
  cards: number;
  /** The user's answers (reviews and quiz answers) on its cards. */
  reviews: number;
}

export async function deckFootprint(db: Db, userId: string, documentId: string): Promise<DeckFootprint> {
  const document = await db.document.findFirst({ where: { id: documentId, ...(await visibleDocumentsWhere(db, userId)) }, select: { id: true, title: true, ownerId: true } });
  if (!document) throw new NotFound("Document");
  const [cards, reviews] = await Promise.all([db.card.count({ where: { documentId } }), countReviews(db, userId, documentId)]);
  return { id: document.id, title: document.title, builtin: document.ownerId === null, cards, reviews };
}

export interface RemovedDeck extends DeckFootprint {
  removedAt: Date;
  /** When a deleted document and its history go for good; null for a removed shared deck (kept). */
  purgeAt: Date | null;
}

/** Deletes the user's own document (restorable for 30 days) or removes a shared deck for them. */
export async function removeDeck(db: Db, userId: string, documentId: string, now: Date): Promise<RemovedDeck> {
  const footprint = await deckFootprint(db, userId, documentId);
  if (footprint.builtin) {
    await db.deckOptions.upsert({
      where: { userId_documentId: { userId, documentId } },
      create: { userId, documentId, hiddenAt: now },
      update: { hiddenAt: now },
    });
    return { ...footprint, removedAt: now, purgeAt: null };
  }
  await sqlOf(db).transaction(() => exec(setOwnDocumentDeleted(userId, documentId, now)));
  await purgeDeletedDocuments(db, now);
  return { ...footprint, removedAt: now, purgeAt: purgeDate(now) };
}

/** Brings back a deck the user deleted (within 30 days) or removed. */
export async function restoreDeck(db: Db, userId: string, documentId: string): Promise<{ id: string; title: string }> {
  const document = await db.document.findFirst({
    where: { id: documentId, OR: [{ ownerId: userId, deletedAt: { not: null } }, { ownerId: null, deckOptions: { some: { userId, hiddenAt: { not: null } } } }] },
    select: { id: true, title: true, ownerId: true },
  });
  if (!document) {
    const visible = await db.document.findFirst({ where: { id: documentId, ...(await visibleDocumentsWhere(db, userId)) }, select: { id: true } });
    if (visible) throw new Conflict("This deck is not removed: it is already among your decks.", "NOT_REMOVED");
    throw new NotFound("Removed deck");
  }
  if (document.ownerId === null) await db.deckOptions.update({ where: { userId_documentId: { userId, documentId } }, data: { hiddenAt: null } });
  else await sqlOf(db).transaction(() => exec(setOwnDocumentDeleted(userId, documentId, null)));
  return { id: document.id, title: document.title };
}

/** The decks the user deleted or removed, most recent first; deleted documents past their 30 days are purged first. */
export async function removedDecks(db: Db, userId: string, now: Date): Promise<RemovedDeck[]> {
  await purgeDeletedDocuments(db, now);
  const documents = await db.document.findMany({
    where: { OR: [{ ownerId: userId, deletedAt: { not: null } }, { ownerId: null, deckOptions: { some: { userId, hiddenAt: { not: null } } } }] },
    select: {
      id: true,
      title: true,
      ownerId: true,
      deletedAt: true,
      deckOptions: { where: { userId }, select: { hiddenAt: true } },
      _count: { select: { cards: true } },
    },
  });
  const reviews = await Promise.all(documents.map((document) => countReviews(db, userId, document.id)));
  return documents
    .map((document, index): RemovedDeck => {
      const removedAt = document.deletedAt ?? document.deckOptions[0]?.hiddenAt ?? now;
      return {
        id: document.id,
        title: document.title,
        builtin: document.ownerId === null,
        cards: document._count.cards,
        reviews: reviews[index],
        removedAt,
        purgeAt: document.ownerId === null ? null : purgeDate(removedAt),
      };
    })
    .sort((a, b) => b.removedAt.getTime() - a.removedAt.getTime());
}

function countReviews(db: Db, userId: string, documentId: string): Promise<number> {
  return db.reviewLog.count({ where: { userId, card: { documentId } } });
}

function purgeDate(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + DELETED_KEPT_DAYS * DAY_MS);
}

/** Deletes for good every document deleted more than 30 days ago, with its cards, states, history and quizzes. */
export function purgeDeletedDocuments(db: Db, now: Date): Promise<number> {
  return sqlOf(db).transaction(() => exec(purgeDocumentsDeletedBefore(new Date(now.getTime() - DELETED_KEPT_DAYS * DAY_MS))));
}
