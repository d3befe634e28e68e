import type { ImportMatch } from "@/lib/db/documents/import-match";
import { plural } from "../ui/plural";

/** What saving the preview would change in the deck it matches: cards added, kept as they are, suspended. */
export interface PreviewChanges {
  added: number;
  unchanged: number;
  suspended: number;
}

/**
 * The preview's ticked cards against the deck's generated cards: ticked and new are added,
 * ticked and known are unchanged (their history kept), known and not ticked are suspended.
 * `written`: the cards the user wrote in the preview, added too.
 */
export function previewChanges(match: Pick<ImportMatch, "cardIds">, kept: ReadonlySet<string>, written: number): PreviewChanges {
  const known = new Set(match.cardIds);
  const unchanged = [...kept].filter((id) => known.has(id)).length;
  return { added: kept.size - unchanged + written, unchanged, suspended: match.cardIds.length - unchanged };
}


/** The changes in words: "2 new cards, 20 unchanged (their history kept), 1 no longer in the text (suspended)". */
export function describeChanges(changes: PreviewChanges & { edited?: number }, tense: "will" | "did"): string {
  const parts = [
    `${plural(changes.added, "new card")}`,
    `${changes.unchanged.toLocaleString("en-US")} unchanged (their history kept)`,
    ...(changes.suspended ? [`${changes.suspended.toLocaleString("en-US")} no longer in the text (${tense === "will" ? "to be suspended" : "suspended"})`] : []),
    ...(changes.edited ? [`${plural(changes.edited, "card")} in your wording`] : []),
  ];
  return parts.join(", ");
}

/** Nothing would change: the same cards, no wording changed, none written. */
export function changesNothing(changes: PreviewChanges, edited: number): boolean {
  return changes.added === 0 && changes.suspended === 0 && edited === 0;
}
