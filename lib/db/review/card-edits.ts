import { Invalid, NotFound } from "../runtime/errors";
import { CARD_VIEW_SELECT, toCardView, type CardView } from "./card-view";
import { sqlOf, type Db } from "../runtime/client";
import { exec } from "../runtime/sql";
import { saveCardEdits } from "./card-state";
import { visibleDocumentsWhere } from "../documents/decks";

export interface CardEdit {
  prompt?: string;
  answer?: string;
  options?: string[];
  suspended?: boolean;
}

/**
 * Saves one user's fix to a card (or suspends it). Shared cards stay as generated;
 * the edit lives on the user's CardState, so their review history is untouched.
 */
export async function editCard(db: Db, userId: string, cardId: string, edit: CardEdit, now: Date): Promise<CardView & { suspended: boolean }> {
  const card = await db.card.findFirst({ where: { id: cardId, document: await visibleDocumentsWhere(db, userId) }, select: CARD_VIEW_SELECT });
  if (!card) throw new NotFound("Card");
  const current = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const before = toCardView(card, current);
  const answer = edit.answer ?? before.answer;
  const options = edit.options ?? before.options;
  if (before.kind === "choice" && options) assertOptions(options, answer);
  if (before.kind === "cloze" && edit.prompt !== undefined && !edit.prompt.includes("[...]")) {
    throw new Invalid("A cloze prompt must keep its gap, written [...].", "BAD_REQUEST");
  }
  const custom = {
    ...(edit.prompt !== undefined ? { customPrompt: edit.prompt } : {}),
    ...(edit.answer !== undefined ? { customAnswer: edit.answer } : {}),
    ...(edit.options !== undefined ? { customOptions: JSON.stringify(edit.options) } : {}),
    ...(edit.suspended !== undefined ? { suspended: edit.suspended } : {}),
  };
  const saved = await sqlOf(db).transaction(() => exec(saveCardEdits({ userId, cardId, documentId: card.documentId, now }, custom)));
  return { ...toCardView(card, saved), suspended: saved.suspended };
}

function assertOptions(options: string[], answer: string) {
  const normalised = options.map((option) => option.trim().toLowerCase());
  if (new Set(normalised).size !== normalised.length) throw new Invalid("Options must all be different.", "BAD_REQUEST");
  if (normalised.filter((option) => option === answer.trim().toLowerCase()).length !== 1) {
    throw new Invalid("The answer must be one of the options, exactly once.", "BAD_REQUEST");
  }
}
