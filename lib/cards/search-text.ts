/**
 * The card browser's search, as text both databases can scan with LIKE: a card's words
 * lower-cased, accents off and each kept once (a cloze prompt repeats its source sentence),
 * and a query cut into the same words, each of which must appear somewhere in the card.
 */

/** Lower case without accents: "Émile" and "emile" read the same. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

/** Words as search sees them: split on spaces, with the punctuation around each word taken off ("(left," → "left"; "90%" stays). */
function searchWords(text: string): string[] {
  return fold(text)
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}%]+$/gu, ""))
    .filter(Boolean);
}

/** What a card's search column holds: the words of every part, each once, in the order first seen. */
export function cardSearchText(parts: readonly (string | null | undefined)[]): string {
  return [...new Set(parts.flatMap((part) => (part ? searchWords(part) : [])))].join(" ");
}

/** A card's search text from its fields. */
export function searchTextOfCard(card: { prompt: string; answer: string; options?: readonly string[] | null; source: string }): string {
  return cardSearchText([card.prompt, card.answer, ...(card.options ?? []), card.source]);
}

/**
 * What a user's own version of a card holds for search: the same words, cut to the first
 * 500 characters at a word's end (it is indexed, and an index entry has a size limit).
 */
export function editSearchText(card: Parameters<typeof searchTextOfCard>[0]): string {
  const text = searchTextOfCard(card);
  if (text.length <= MAX_EDIT_SEARCH_CHARS) return text;
  const cut = text.lastIndexOf(" ", MAX_EDIT_SEARCH_CHARS);
  return text.slice(0, cut > 0 ? cut : MAX_EDIT_SEARCH_CHARS);
}

export const MAX_EDIT_SEARCH_CHARS = 500;

/** The words of a query, each once; a card matches when every one is part of its search text. */
export function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))].slice(0, MAX_QUERY_WORDS);
}

/** More words than this in one query add nothing but work. */
export const MAX_QUERY_WORDS = 8;

/** The character escaping LIKE's wildcards in `containsPattern`. */
export const LIKE_ESCAPE = "\\";

/** A LIKE pattern matching text that contains `word` as it is (its % and _ are not wildcards). */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}
