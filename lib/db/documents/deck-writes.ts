/**
 * A generated deck written as one unit of work on the raw driver (runtime/sql.ts): one transaction,
 * so an import cut off anywhere leaves the whole document or nothing, and multi-row
 * statements in batches that stay under both databases' limits on bound values (SQLite's
 * default 32,766, and 999 in older builds; PostgreSQL's 65,535). On SQLite the whole write
 * runs synchronously (a few thousand rows: tens of milliseconds); through Prisma, thousands of
 * statements each compiled anew held the single connection for seconds.
 */
import { searchTextOfCard } from "../../cards/search-text";
import type { StudyCardKind } from "../../cards/card-content";
import type { DeckDraft } from "../../generator/types";
import { handCardFingerprint } from "../cards/hand-card";
import { saveCardEdits } from "../review/card-state";
import { newId } from "../runtime/ids";
import { changes, exec, firstRow, rawSql, rows, sql, sqlList, type Sql, type SqlValue, type Steps } from "../runtime/sql";

export type DeckOwner = { ownerId: string } | { builtinKey: string };

/** The owner's wording of a generated card, kept on their CardState as any edit of theirs is. */
export interface OwnerWording {
  prompt: string;
  answer: string;
  options: string[] | null;
  searchText: string;
}

/** A card the owner wrote in the import preview. */
export interface HandWrittenCard {
  kind: StudyCardKind;
  topic: string | null;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
}

export interface DeckWriteOptions {
  /** The title the owner gave it (else a deck keeps its title, and a new one takes the document's). */
  title?: string;
  /** The owner's document this text is a new version of (else the one with this very text, or a new one). */
  into?: string;
  /** The owner's wording of generated cards, by card id (fingerprint). */
  wordings?: ReadonlyMap<string, OwnerWording>;
  handWritten?: readonly HandWrittenCard[];
}

/** What saving changed in the deck: cards added (all, for a new deck), kept as they were, suspended, in the owner's wording. */
export interface DeckChanges {
  added: number;
  unchanged: number;
  /** Cards of the previous version the new one no longer has: suspended for the owner, history kept. */
  suspended: number;
  edited: number;
}

export interface SavedDeck {
  document: { id: string; title: string };
  created: boolean;
  changes: DeckChanges;
}

/** Bound values per statement: under every SQLite build's limit, let alone PostgreSQL's. */
export const MAX_BOUND_VALUES = 900;

/** `items` in runs of at most `size`. */
function* inBatches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** One INSERT of many rows per batch; `columns` are quoted names, each row's values in that order. */
function* insertRows(table: string, columns: readonly string[], values: readonly SqlValue[][]): Steps<void> {
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (const batch of inBatches(values, Math.floor(MAX_BOUND_VALUES / columns.length))) {
    const statement: Sql = { text: head + batch.map(() => tuple).join(", "), values: batch.flat() };
    yield* exec(changes(statement));
  }
}

/** `DELETE FROM table WHERE id IN (…) AND <condition>`, batched. */
function* deleteByIds(table: string, ids: readonly string[], condition: Sql): Steps<void> {
  for (const batch of inBatches(ids, MAX_BOUND_VALUES - condition.values.length)) {
    yield* exec(changes(sql`DELETE FROM ${rawSql(`"${table}"`)} WHERE "id" IN (${sqlList(batch)}) AND ${condition}`));
  }
}

interface ExistingDocument {
  id: string;
  title: string;
  contentHash: string;
  deleted: boolean;
}

function findDocument(owner: DeckOwner, hash: string, into?: string) {
  const where =
    "builtinKey" in owner
      ? sql`"builtinKey" = ${owner.builtinKey}`
      : into
        ? sql`"id" = ${into} AND "ownerId" = ${owner.ownerId}`
        : sql`"ownerId" = ${owner.ownerId} AND "contentHash" = ${hash}`;
  return firstRow(sql`SELECT "id", "title", "contentHash", "deletedAt" FROM "Document" WHERE ${where}`, (row): ExistingDocument => ({
    id: row.id as string,
    title: row.title as string,
    contentHash: row.contentHash as string,
    deleted: row.deletedAt !== null && row.deletedAt !== undefined,
  }));
}

const CARD_COLUMNS = ["id", "documentId", "topicId", "fingerprint", "kind", "prompt", "answer", "options", "source", "quality", "position", "createdAt", "searchText", "manual"];

type KnownCard = { id: string; fingerprint: string; topicMoved: boolean };

/**
 * Stores a generated deck. Idempotent: the same text and cards for the same owner change
 * nothing. A new version of a document keeps every card whose fingerprint is unchanged (and so
 * its review history, and its topic if the owner moved it) and adds the new ones. The cards it no
 * longer has are suspended for the owner of a user's document (their history kept, found in the
 * card browser), and leave the shared default deck unless someone studied them. Cards written by
 * hand stay whatever the text says. The owner's wordings go on their CardState.
 */
export function* writeDeck(owner: DeckOwner, hash: string, sourceText: string, draft: DeckDraft, now: Date, options: DeckWriteOptions = {}): Steps<SavedDeck> {
  const ownerId = "ownerId" in owner ? owner.ownerId : null;
  const existing = yield* exec(findDocument(owner, hash, options.into));
  const title = ownerId ? (options.title ?? existing?.title ?? draft.title) : draft.title;
  const knownCards: KnownCard[] = existing
    ? yield* exec(rows(sql`SELECT "id", "fingerprint", "topicMoved" FROM "Card" WHERE "documentId" = ${existing.id} AND "manual" = ${false}`, (row) => ({
        id: row.id as string,
        fingerprint: row.fingerprint as string,
        topicMoved: Boolean(Number(row.topicMoved)),
      })))
    : [];
  const wanted = new Set(draft.cards.map((card) => card.id));
  const extras = (options.wordings?.size ?? 0) + (options.handWritten?.length ?? 0);
  if (existing && existing.contentHash === hash && !existing.deleted && existing.title === title && extras === 0) {
    const same = knownCards.length === wanted.size && knownCards.every((card) => wanted.has(card.fingerprint));
    // the shared deck follows its text alone: the same text is the same deck
    if (same || !ownerId) {
      return { document: { id: existing.id, title: existing.title }, created: false, changes: { added: 0, unchanged: knownCards.length, suspended: 0, edited: 0 } };
    }
  }

  const documentId = existing?.id ?? newId();
  if (existing) {
    yield* exec(
      changes(sql`UPDATE "Document" SET "title" = ${title}, "summary" = ${draft.summary}, "sourceText" = ${sourceText}, "contentHash" = ${hash}, "deletedAt" = ${null}
                  WHERE "id" = ${documentId}`),
    );
  } else {
    const [documentOwner, builtinKey] = "builtinKey" in owner ? [null, owner.builtinKey] : [owner.ownerId, null];
    yield* insertRows(
      "Document",
      ["id", "ownerId", "builtinKey", "title", "summary", "sourceText", "contentHash", "createdAt"],
      [[documentId, documentOwner, builtinKey, title, draft.summary, sourceText, hash, now]],
    );
  }

  // Topics by path: kept ones renamed and reordered, new ones added.
  const knownTopics = new Map(
    existing ? (yield* exec(rows(sql`SELECT "id", "path" FROM "Topic" WHERE "documentId" = ${documentId}`, (row) => [row.path as string, row.id as string] as const))) : [],
  );
  const topicIds = new Map<string, string>();
  const newTopics: SqlValue[][] = [];
  for (const topic of draft.topics) {
    const known = knownTopics.get(topic.path);
    if (known) yield* exec(changes(sql`UPDATE "Topic" SET "title" = ${topic.title}, "order" = ${topic.order} WHERE "id" = ${known}`));
    const id = known ?? newId();
    if (!known) newTopics.push([id, documentId, topic.path, topic.title, topic.order]);
    topicIds.set(topic.path, id);
  }
  yield* insertRows("Topic", ["id", "documentId", "path", "title", "order"], newTopics);
  const topicOf = (path: string | null) => (path === null ? null : (topicIds.get(path) ?? null));

  // Cards by fingerprint: kept ones updated in place (their ids, states and logs stay), new ones added.
  const byFingerprint = new Map(knownCards.map((card) => [card.fingerprint, card]));
  const cardIds = new Map<string, string>();
  const newCards: SqlValue[][] = [];
  for (const [position, card] of draft.cards.entries()) {
    const topicId = topicOf(card.topic);
    const fields = [card.kind.toUpperCase(), card.prompt, card.answer, card.options ? JSON.stringify(card.options) : null, card.source, card.quality, position] as const;
    const known = byFingerprint.get(card.id);
    if (!known) {
      const id = newId();
      cardIds.set(card.id, id);
      newCards.push([id, documentId, topicId, card.id, ...fields, now, searchTextOfCard(card), false]);
      continue;
    }
    cardIds.set(card.id, known.id);
    const [kind, prompt, answer, options, source, quality] = fields;
    // a card the owner moved to another topic stays there
    const topic = known.topicMoved ? sql`` : sql`"topicId" = ${topicId}, `;
    yield* exec(
      changes(sql`UPDATE "Card" SET ${topic}"kind" = ${kind}, "prompt" = ${prompt}, "answer" = ${answer}, "options" = ${options},
                  "source" = ${source}, "quality" = ${quality}, "position" = ${position}, "searchText" = ${searchTextOfCard(card)} WHERE "id" = ${known.id}`),
    );
  }
  const hand = options.handWritten ?? [];
  for (const [index, card] of hand.entries()) {
    newCards.push([newId(), documentId, topicOf(card.topic), handCardFingerprint(), card.kind.toUpperCase(), card.prompt, card.answer,
      card.options ? JSON.stringify(card.options) : null, card.source, 1, draft.cards.length + index, now, searchTextOfCard(card), true]);
  }
  yield* insertRows("Card", CARD_COLUMNS, newCards);

  const gone = knownCards.filter((card) => !wanted.has(card.fingerprint)).map((card) => card.id);
  let suspended = 0;
  if (ownerId) {
    suspended = yield* suspendForOwner(ownerId, documentId, gone, now);
    for (const [fingerprint, wording] of options.wordings ?? []) {
      const cardId = cardIds.get(fingerprint);
      if (!cardId) continue;
      yield* exec(
        saveCardEdits(
          { userId: ownerId, cardId, documentId, now },
          { customPrompt: wording.prompt, customAnswer: wording.answer, customOptions: wording.options && JSON.stringify(wording.options), searchText: wording.searchText },
        ),
      );
    }
  } else {
    yield* deleteByIds("Card", gone, sql`NOT EXISTS (SELECT 1 FROM "ReviewLog" r WHERE r."cardId" = "Card"."id")`);
  }
  if (existing) {
    const staleTopics = [...knownTopics].filter(([path]) => !topicIds.has(path)).map(([, id]) => id);
    yield* deleteByIds("Topic", staleTopics, sql`NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."topicId" = "Topic"."id")`);
  }
  const added = draft.cards.filter((card) => !byFingerprint.has(card.id)).length + hand.length;
  return {
    document: { id: documentId, title },
    created: !existing,
    changes: { added, unchanged: draft.cards.length - (added - hand.length), suspended, edited: options.wordings?.size ?? 0 },
  };
}

/** Suspends these cards for the owner (a New state for those never studied); how many were not suspended before. */
function* suspendForOwner(userId: string, documentId: string, cardIds: readonly string[], now: Date): Steps<number> {
  let newly = 0;
  for (const batch of inBatches(cardIds, MAX_BOUND_VALUES - 2)) {
    const already = new Set(
      yield* exec(rows(sql`SELECT "cardId" FROM "CardState" WHERE "userId" = ${userId} AND "suspended" = ${true} AND "cardId" IN (${sqlList(batch)})`, (row) => row.cardId as string)),
    );
    for (const cardId of batch.filter((id) => !already.has(id))) {
      yield* exec(saveCardEdits({ userId, cardId, documentId, now }, { suspended: true }));
      newly++;
    }
  }
  return newly;
}
