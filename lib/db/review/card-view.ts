import { rows, sql, sqlList, type Statement } from "../runtime/sql";

/** How a card asks: a gap to fill (cloze), options to choose from (choice), or a question and its answer (basic, from Anki). */
export type CardKind = "cloze" | "choice" | "basic";

/** The kind of a stored Card row (CLOZE, CHOICE, BASIC). */
export function cardKind(stored: string): CardKind {
  return stored === "CHOICE" ? "choice" : stored === "BASIC" ? "basic" : "cloze";
}

/** A card as one user sees it: their own edits (if any) over the shared card. */
export interface CardView {
  id: string;
  documentId: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
  topicTitle: string | null;
  topicId: string | null;
}

export interface CardRow {
  id: string;
  documentId: string;
  kind: string;
  prompt: string;
  answer: string;
  options: string | null;
  source: string;
  topicId: string | null;
  topic: { title: string } | null;
}

export interface CardEdits {
  customPrompt: string | null;
  customAnswer: string | null;
  customOptions: string | null;
}

export const CARD_VIEW_SELECT = {
  id: true,
  documentId: true,
  kind: true,
  prompt: true,
  answer: true,
  options: true,
  source: true,
  topicId: true,
  topic: { select: { title: true } },
} as const;

export function toCardView(card: CardRow, edits?: CardEdits | null): CardView {
  const options = edits?.customOptions ?? card.options;
  return {
    id: card.id,
    documentId: card.documentId,
    kind: cardKind(card.kind),
    prompt: edits?.customPrompt ?? card.prompt,
    answer: edits?.customAnswer ?? card.answer,
    options: options ? (JSON.parse(options) as string[]) : null,
    source: card.source,
    topicTitle: card.topic?.title ?? null,
    topicId: card.topicId,
  };
}

/** The cards with these ids as the user sees them (their edits applied), in no particular order. */
export function cardViews(userId: string, cardIds: readonly string[]): Statement<CardView[]> {
  return rows(
    sql`
    SELECT c."id", c."documentId", c."kind", c."prompt", c."answer", c."options", c."source", c."topicId", t."title" AS "topicTitle",
           s."customPrompt", s."customAnswer", s."customOptions"
    FROM "Card" c
    LEFT JOIN "Topic" t ON t."id" = c."topicId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    WHERE c."id" IN (${sqlList(cardIds)})`,
    (row) => {
      const card = row as unknown as CardRow & CardEdits & { topicTitle: string | null };
      return toCardView({ ...card, topic: card.topicTitle === null ? null : { title: card.topicTitle } }, card);
    },
  );
}
