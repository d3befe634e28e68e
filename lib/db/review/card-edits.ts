import { cardContentProblem } from "../../cards/card-content";
import { editSearchText } from "../../cards/search-text";
import { Invalid, NotFound } from "../runtime/errors";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { sqlOf, type Db } from "../runtime/client";
import { exec } from "../runtime/sql";
import { saveCardEdits, type CardStateEdit } from "./card-state";
import { visibleDocumentsWhere } from "../documents/decks";

/** A user's change to a card: new wording (null: back to the document's), or suspension. */
export interface CardEdit {
  prompt?: string | null;
  answer?: string | null;
  options?: string[] | null;
  suspended?: boolean;
}

/** The user's wording of a card; null where it is the document's. */
export type Wording = { prompt: string | null; answer: string | null; options: string[] | null };

/** The card as edited, and the user's wording before the edit (what undoing it puts back). */
export type EditedCard = CardView & { suspended: boolean; edited: boolean; before: Wording };

/**
 * Saves one user's fix to a card (or suspends it). Shared cards stay as generated;
 * the edit lives on the user's CardState, so their review history is untouched, and a new
 * version of the document (which rewrites the shared card) keeps it. The card as edited must
 * be well formed, by the rules the generator's cards follow.
 */
export async function editCard(db: Db, userId: string, cardId: string, edit: CardEdit, now: Date): Promise<EditedCard> {
  const card = await db.card.findFirst({ where: { id: cardId, document: await visibleDocumentsWhere(db, userId) }, select: CARD_VIEW_SELECT });
  if (!card) throw new NotFound("Card");
  const current = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const custom = {
    customPrompt: edit.prompt === undefined ? (current?.customPrompt ?? null) : edit.prompt,
    customAnswer: edit.answer === undefined ? (current?.customAnswer ?? null) : edit.answer,
    customOptions: edit.options === undefined ? (current?.customOptions ?? null) : edit.options && JSON.stringify(edit.options),
  };
  const changes: CardStateEdit = { ...(edit.suspended !== undefined ? { suspended: edit.suspended } : {}) };
  if (edit.prompt !== undefined || edit.answer !== undefined || edit.options !== undefined) {
    const after = toCardView(card, custom);
    const problem = cardContentProblem(after);
    if (problem) throw new Invalid(problem, "BAD_CARD");
    const edited = custom.customPrompt !== null || custom.customAnswer !== null || custom.customOptions !== null;
    Object.assign(changes, custom, { searchText: edited ? editSearchText(after) : null });
  }
  const saved = await sqlOf(db).transaction(() => exec(saveCardEdits({ userId, cardId, documentId: card.documentId, now }, changes)));
  return {
    ...toCardView(card, saved),
    suspended: saved.suspended,
    edited: saved.customPrompt !== null || saved.customAnswer !== null || saved.customOptions !== null,
    before: {
      prompt: current?.customPrompt ?? null,
      answer: current?.customAnswer ?? null,
      options: current?.customOptions ? (JSON.parse(current.customOptions) as string[]) : null,
    },
  };
}
