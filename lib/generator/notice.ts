/** What Keypoint tells a user about a document not in English: what it made, and why not more. */
import type { DeckDraft } from "./types";

const NAMES = new Intl.DisplayNames(["en"], { type: "language" });

export function languageName(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** One or two sentences for the preview and the command line; null for a document in English. */
export function languageNotice(deck: Pick<DeckDraft, "language" | "mode" | "cards">): string | null {
  if (deck.mode === "full") return null;
  const name = languageName(deck.language);
  const lead = `This document is in ${name}. Full cloze cards are made for English documents only`;
  if (deck.cards.length === 0) {
    return `${lead}, and in ${name} Keypoint makes cards only from numbers with their units and from laid-out definitions ("Term: explanation" lines, definition lists, term | definition tables). This document has none, so it gave no cards and nothing can be saved.`;
  }
  const n = deck.cards.length;
  return `${lead}; in ${name} Keypoint made ${n} choice card${n === 1 ? "" : "s"} from the document's numbers and laid-out definitions.`;
}
