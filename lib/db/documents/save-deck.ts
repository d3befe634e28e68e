import { createHash } from "node:crypto";
import type { DeckDraft } from "../../generator/types";
import { writeDeck, type DeckOwner, type SavedDeck } from "./deck-writes";
import type { SqlRunner } from "../runtime/sql";
import { isUniqueViolation } from "../runtime/transient-errors";

export type { DeckOwner } from "./deck-writes";

export function contentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

/**
 * Stores a generated deck in one transaction (deck-writes.ts). Idempotent: saving the same
 * text for the same owner again changes nothing, and a new version of a document keeps every
 * card whose fingerprint is unchanged (and so its review history).
 */
export async function saveDeck(runner: SqlRunner, owner: DeckOwner, sourceText: string, draft: DeckDraft): Promise<SavedDeck> {
  const hash = contentHash(sourceText);
  const save = () => runner.transaction(() => writeDeck(owner, hash, sourceText, draft, new Date()));
  try {
    return await save();
  } catch (error) {
    // The same document saved twice at once: the second one finds the first's.
    if (isUniqueViolation(error)) return save();
    throw error;
  }
}
