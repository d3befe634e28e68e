import { cardContentProblem, handWrittenSource } from "../../cards/card-content";
import { editSearchText } from "../../cards/search-text";
import { generateDeck, languageNotice } from "../../generator";
import type { CardDraft } from "../../generator/types";
import type { ImportRequest } from "../../validation/documents";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import { firstRow, readOne, sql, type SqlRunner } from "../runtime/sql";
import type { DeckChanges, HandWrittenCard, OwnerWording } from "./deck-writes";
import { contentHash, saveDeck } from "./save-deck";

/** What the import preview sends besides the text: the cards kept, the title, changed and written cards, the deck to update. */
export type ImportOptions = Partial<Omit<ImportRequest, "text">>;

export interface ImportedDocument {
  documentId: string;
  title: string;
  created: boolean;
  cardCount: number;
  changes: DeckChanges;
}

const quoted = (prompt: string) => `“${prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt}”`;

/** The user's changes to generated cards, each checked by the rules generated cards follow. */
function ownerWordings(cards: CardDraft[], edits: NonNullable<ImportOptions["edits"]>): Map<string, OwnerWording> {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const wordings = new Map<string, OwnerWording>();
  for (const edit of edits) {
    const card = byId.get(edit.id);
    if (!card) continue; // a card changed, then unticked
    const options = card.kind === "choice" ? (edit.options ?? card.options ?? []) : null;
    const content = { kind: card.kind, prompt: edit.prompt, answer: edit.answer, options };
    if (content.prompt === card.prompt && content.answer === card.answer && JSON.stringify(options) === JSON.stringify(card.options ?? null)) continue;
    const problem = cardContentProblem(content);
    if (problem) throw new Invalid(`The card you changed, ${quoted(edit.prompt)}: ${problem}`, "BAD_CARD");
    wordings.set(card.id, { prompt: content.prompt, answer: content.answer, options, searchText: editSearchText({ ...content, source: card.source }) });
  }
  return wordings;
}

/** Cards written in the preview, checked likewise; a topic is one of the document's. */
function handWritten(added: NonNullable<ImportOptions["added"]>, topics: Set<string>): HandWrittenCard[] {
  return added.map((card) => {
    const content = { kind: card.kind, prompt: card.prompt, answer: card.answer, options: card.kind === "choice" ? (card.options ?? []) : null };
    const problem = cardContentProblem(content);
    if (problem) throw new Invalid(`The card you added, ${quoted(card.prompt)}: ${problem}`, "BAD_CARD");
    if (card.topic !== null && !topics.has(card.topic)) throw new NotFound("Topic");
    return { ...content, topic: card.topic, source: handWrittenSource(content) };
  });
}

/** The user's document a new version goes into, refusing one they cannot see or a text another of their decks already has. */
async function updateTarget(runner: SqlRunner, ownerId: string, text: string, update: string): Promise<string> {
  const target = await readOne(runner, firstRow(sql`SELECT "id" FROM "Document" WHERE "id" = ${update} AND "ownerId" = ${ownerId} AND "deletedAt" IS NULL`, (row) => row.id as string));
  if (!target) throw new NotFound("Document");
  const twin = await readOne(
    runner,
    firstRow(sql`SELECT "id", "title", "deletedAt" FROM "Document" WHERE "ownerId" = ${ownerId} AND "contentHash" = ${contentHash(text)}`, (row) => ({
      id: row.id as string,
      title: row.title as string,
      deleted: row.deletedAt !== null,
    })),
  );
  if (twin && twin.id !== target) {
    throw new Conflict(
      twin.deleted ? `You deleted a deck with this very text, “${twin.title}”: restore it from Settings instead.` : `This very text is already your deck “${twin.title}”.`,
      "SAME_TEXT",
    );
  }
  return target;
}

/**
 * Saves a user's document with the cards they kept: exactly the `kept` ids when given (deck
 * cards and ticked extra candidates), else the deck without the `dropped` ones, in their wording
 * where they changed it, with the cards they wrote. The generator is deterministic, so the ids
 * the preview showed are the ids regenerated here. The text goes into `update` when given (a new
 * version: unchanged cards keep their history), else into the deck that already has this very
 * text (even one deleted: it comes back), else a new deck. Text the generator cannot use throws
 * its GeneratorError. Runs in the deck worker (deck-jobs.ts), on that thread's own connection.
 */
export async function importDraft(runner: SqlRunner, ownerId: string, text: string, options: ImportOptions = {}, now = new Date()): Promise<ImportedDocument> {
  // an unknown deck to update is refused before any work on the text
  const into = options.update ? await updateTarget(runner, ownerId, text, options.update) : undefined;
  const draft = generateDeck(text);
  // a document in another language may give no card at all: say why, save nothing
  if (draft.cards.length === 0 && draft.candidates.length === 0 && !options.added?.length) {
    throw new Invalid(languageNotice(draft) ?? "The document gave no cards.", "NO_CARDS");
  }
  const keep = options.kept ? new Set(options.kept) : null;
  const drop = new Set(options.dropped ?? []);
  const cards = keep ? [...draft.cards, ...draft.candidates].filter((card) => keep.has(card.id)) : draft.cards.filter((card) => !drop.has(card.id));
  const added = handWritten(options.added ?? [], new Set(draft.topics.map((topic) => topic.path)));
  if (cards.length + added.length === 0) throw new Invalid("Keep at least one card to save the deck.", "NO_CARDS_KEPT");
  const wordings = ownerWordings(cards, options.edits ?? []);
  const { document, created, changes } = await saveDeck(runner, { ownerId }, text, { ...draft, cards }, { title: options.title, into, wordings, handWritten: added }, now);
  return { documentId: document.id, title: document.title, created, cardCount: cards.length + added.length, changes };
}
