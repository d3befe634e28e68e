/** A card as one user sees it: their own edits (if any) over the shared card. */
export interface CardView {
  id: string;
  documentId: string;
  kind: "cloze" | "choice";
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
    kind: card.kind === "CHOICE" ? "choice" : "cloze",
    prompt: edits?.customPrompt ?? card.prompt,
    answer: edits?.customAnswer ?? card.answer,
    options: options ? (JSON.parse(options) as string[]) : null,
    source: card.source,
    topicTitle: card.topic?.title ?? null,
    topicId: card.topicId,
  };
}
