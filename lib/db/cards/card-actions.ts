/**
 * What the card browser does to a selection of cards. Suspending, unsuspending and resetting
 * change the user's own state of each card, so they work on any deck they study; deleting and
 * moving change the cards themselves, so only in the user's own documents (a bundled deck is
 * shared: suspend its cards instead, or remove the whole deck).
 */
import type { CardAction } from "../../validation/cards";
import { documentVisibleTo } from "../documents/decks";
import { deleteOwnCards, moveOwnCards } from "../documents/document-edits";
import { resetToNew, saveCardEdits, setSuspended } from "../review/card-state";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, NotFound } from "../runtime/errors";
import { exec, rows, sql, sqlList, type Steps } from "../runtime/sql";

interface SelectedCard {
  id: string;
  documentId: string;
  owned: boolean;
  hasState: boolean;
}

/** The selected cards the user may see, with whether they own each one's document and have a state for it. */
function selectedCards(userId: string, cardIds: readonly string[]) {
  return rows(
    sql`SELECT c."id", c."documentId", d."ownerId", s."id" AS "stateId" FROM "Card" c
        JOIN "Document" d ON d."id" = c."documentId"
        LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
        WHERE c."id" IN (${sqlList(cardIds)}) AND ${documentVisibleTo(userId)}`,
    (row): SelectedCard => ({ id: row.id as string, documentId: row.documentId as string, owned: row.ownerId === userId, hasState: row.stateId !== null }),
  );
}

async function requireSelection(db: Db, userId: string, cardIds: readonly string[]): Promise<SelectedCard[]> {
  const unique = [...new Set(cardIds)];
  const cards = await sqlOf(db).read(() => exec(selectedCards(userId, unique)));
  // One card the user may not see refuses the whole selection: nothing of anyone else's is touched.
  if (cards.length !== unique.length) throw new NotFound(unique.length === 1 ? "Card" : "One of the selected cards");
  return cards;
}

function requireOwned(cards: SelectedCard[], doing: string) {
  const shared = cards.filter((card) => !card.owned).length;
  if (shared) {
    throw new Conflict(
      `${shared === 1 ? "A selected card belongs" : `${shared} selected cards belong`} to the default deck, which is shared, so ${doing} is only for your own documents. Suspend them instead. Nothing was changed.`,
      "SHARED_DECK",
    );
  }
}

function* suspendAll(userId: string, cards: SelectedCard[], suspended: boolean, now: Date): Steps<number> {
  let changed = yield* exec(setSuspended(userId, cards.filter((card) => card.hasState).map((card) => card.id), suspended, now));
  // A card never studied has no state yet: suspending it gives it one (unsuspending it has nothing to do).
  if (suspended) {
    for (const card of cards.filter((c) => !c.hasState)) {
      yield* exec(saveCardEdits({ userId, cardId: card.id, documentId: card.documentId, now }, { suspended: true }));
      changed++;
    }
  }
  return changed;
}

/** Applies the action to every selected card, or to none; answers how many cards it changed. */
export async function applyCardAction(db: Db, userId: string, action: CardAction, now: Date): Promise<{ changed: number }> {
  const cards = await requireSelection(db, userId, action.cardIds);
  const ids = cards.map((card) => card.id);
  switch (action.action) {
    case "suspend":
    case "unsuspend":
      return { changed: await sqlOf(db).transaction(() => suspendAll(userId, cards, action.action === "suspend", now)) };
    case "reset":
      return { changed: await sqlOf(db).transaction(() => exec(resetToNew(userId, ids, now))) };
    case "delete": {
      requireOwned(cards, "deleting cards");
      return { changed: await sqlOf(db).transaction(() => exec(deleteOwnCards(userId, ids))) };
    }
    case "move": {
      // a topic not of the user's own documents is not found, whatever the cards are
      const topic = action.topicId === null ? null : await db.topic.findFirst({ where: { id: action.topicId, document: { ownerId: userId, deletedAt: null } }, select: { documentId: true } });
      if (action.topicId !== null && !topic) throw new NotFound("Topic");
      requireOwned(cards, "moving cards");
      const documents = new Set(cards.map((card) => card.documentId));
      if (topic) {
        if (documents.size > 1 || !documents.has(topic.documentId)) {
          throw new Conflict("A card moves to a topic of its own document: select cards of that document only.", "OTHER_DOCUMENT");
        }
      }
      return { changed: await sqlOf(db).transaction(() => exec(moveOwnCards(userId, ids, action.topicId))) };
    }
  }
}
