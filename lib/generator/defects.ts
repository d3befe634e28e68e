/**
 * Mechanical defects of a generated deck that a program can see: a split word or formula, markup
 * residue, a generic or given-away answer, fewer than four content words around the gap, duplicate
 * or ungrammatical options, an option the prompt shows, a repeated fact. Used by the card report
 * (scripts/card-report.ts) and by the tests on the project's fixtures.
 */
import { givenAway, wordKeys } from "./candidates";
import { zipf } from "./english";
import { answerLeaks } from "./leak";
import { GENERIC_NOUNS, STOPWORDS, contentWords, matchKey } from "./normalise";
import { GAP, type CardDraft, type DeckDraft } from "./types";

export type Defect =
  | "split" | "residue" | "generic" | "given-away" | "thin-context" | "bad-options" | "option-in-prompt" | "repeat";

export interface CardDefect { card: CardDraft; defect: Defect; detail: string }

const RESIDUE = /<\/?[a-z!][^>]*>|\{\{|\}\}|\[\^|\]\(|\]\[|https?:\/\/|`|\*\*|(^|\s)__?\w|&[a-z]+;|\(\.\.\)|\\[a-z]/i;
const NUMBER_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|\d*[02-9]|\d{2,}) (second|minute|hour|day|week|month|year|decade|time)$/i;

function splitsWord(card: CardDraft): boolean {
  const at = card.prompt.indexOf(GAP);
  const before = card.prompt.slice(0, at);
  const after = card.prompt.slice(at + GAP.length);
  const joins = /[\p{L}\p{N}₀-₉⁰-⁹¹²³]/u;
  return joins.test(before.slice(-1)) || joins.test(after.slice(0, 1)) && !/^['’]s\b/.test(after);
}

function optionsProblem(card: CardDraft): string | null {
  const options = card.options ?? [];
  if (options.length === 0) return null;
  if (new Set(options.map(matchKey)).size !== options.length) return "duplicate options";
  if (options.filter((o) => o === card.answer).length !== 1) return "answer not exactly once";
  const plural = /s$/.test(card.answer);
  const bad = options.find((o) => o !== card.answer && NUMBER_WORD.test(o) && plural);
  return bad ? `ungrammatical option "${bad}"` : null;
}

/** Defects of each card of a deck. */
export function findDefects(deck: Pick<DeckDraft, "title" | "topics" | "cards">): CardDefect[] {
  const found: CardDefect[] = [];
  const titles = new Map(deck.topics.map((t) => [t.path, t.title]));
  const seen: { card: CardDraft; words: Set<string> }[] = [];
  for (const card of deck.cards) {
    const add = (defect: Defect, detail: string) => found.push({ card, defect, detail });
    if (card.prompt.split(GAP).length !== 2) add("residue", "not exactly one gap");
    if (splitsWord(card)) add("split", `gap touches a word: ${card.answer}`);
    if (RESIDUE.test(card.prompt.replace(GAP, " ")) || /\[|\]/.test(card.prompt.replace(GAP, " "))) add("residue", "markup or code in the prompt");
    const low = card.answer.toLowerCase();
    if (STOPWORDS.has(low) || GENERIC_NOUNS.has(low) || (!/\s|\d/.test(card.answer) && /^\p{Ll}+$/u.test(card.answer) && zipf(card.answer) >= 4.6)) {
      add("generic", card.answer);
    }
    const heading = new Set([...wordKeys(deck.title), ...wordKeys(card.topic === null ? "" : titles.get(card.topic) ?? "")]);
    if (givenAway(card.answer, heading)) add("given-away", "by the title or section");
    else if (!/\d/.test(card.answer) && answerLeaks(card.answer, card.prompt)) add("given-away", "by the prompt");
    // "Osmosis: [...]" asks for a definition among definitions: the options carry the context
    const termToDefinition = card.kind === "choice" && card.prompt.endsWith(`: ${GAP}`) && (card.options ?? []).every((o) => contentWords(o).length >= 2);
    if (!termToDefinition && contentWords(card.prompt.replace(GAP, " ")).length < 4) add("thin-context", card.prompt);
    const problem = optionsProblem(card);
    if (problem) add("bad-options", problem);
    const shown = (card.options ?? []).find((o) => o !== card.answer && matchKey(o).length >= 2 && matchKey(card.prompt).includes(matchKey(o)));
    if (shown) add("option-in-prompt", shown);
    const words = new Set(contentWords(card.source));
    const twin = seen.find((s) => matchKey(s.card.answer) === matchKey(card.answer) && overlap(s.words, words) >= 0.5
      || s.card.source === card.source && !(/\d/.test(s.card.answer) && /\d/.test(card.answer)));
    if (twin) add("repeat", `same fact as: ${twin.card.prompt}`);
    seen.push({ card, words });
  }
  return found;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
