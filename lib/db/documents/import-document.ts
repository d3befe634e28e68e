import { cardContentProblem, handWrittenSource } from "../../cards/card-content";
import { editSearchText } from "../../cards/search-text";
import { generateDeck } from "../../generator";
import type { CardDraft } from "../../generator/types";
import type { ImportRequest } from "../../validation/documents";
import type { Db } from "../runtime/client";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import { contentHash, saveDeck, type HandWrittenCard, type OwnerWording } from "./save-deck";

export type ImportOptions = Partial<Omit<ImportRequest, "text">>;

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

/** The user's document a new version goes into: the one named, or the one with this very text (even deleted: it comes back). */
async function targetOf(db: Db, ownerId: string, text: string, update: string | undefined): Promise<string | undefined> {
  if (!update) return undefined;
  const target = await db.document.findFirst({ where: { id: update, ownerId, deletedAt: null }, select: { id: true } });
  if (!target) throw new NotFound("Document");
  const twin = await db.document.findUnique({ where: { ownerId_contentHash: { ownerId, contentHash: contentHash(text) } }, select: { id: true, title: true, deletedAt: true } });
  if (twin && twin.id !== target.id) {
    throw new Conflict(
      twin.deletedAt
        ? `You deleted a deck with this very text, “${twin.title}”: restore it from Settings instead.`
        : `This very text is already your deck “${twin.title}”.`,
      "SAME_TEXT",
    );
  }
  return target.id;
}

/**
 * Saves a user's document with the cards they kept: exactly the `kept` ids when given (deck
 * cards and ticked extra candidates), else the deck without the `dropped` ones, in their wording
 * where they changed it, with the cards they wrote. The generator is deterministic, so the ids
 * the preview showed are the ids regenerated here. The text goes into `update` when given (a new
 * version: unchanged cards keep their history), else into the deck that already has this very
 * text, else a new deck. Text the generator cannot use throws its GeneratorError.
 */
export async function importDocument(db: Db, ownerId: string, text: string, options: ImportOptions = {}, now = new Date()) {
  const draft = generateDeck(text);
  const keep = options.kept ? new Set(options.kept) : null;
  const drop = new Set(options.dropped ?? []);
  const cards = keep ? [...draft.cards, ...draft.candidates].filter((card) => keep.has(card.id)) : draft.cards.filter((card) => !drop.has(card.id));
  const added = handWritten(options.added ?? [], new Set(draft.topics.map((topic) => topic.path)));
  if (cards.length + added.length === 0) throw new Invalid("Keep at least one card to save the deck.", "NO_CARDS_KEPT");
  const wordings = ownerWordings(cards, options.edits ?? []);
  const into = await targetOf(db, ownerId, text, options.update);
  const { document, created, changes } = await saveDeck(db, { ownerId }, text, { ...draft, cards }, { title: options.title, into, wordings, handWritten: added, now });
  return { documentId: document.id, title: document.title, created, cardCount: cards.length + added.length, changes };
}
