/**
 * A generated deck written as one unit of work on the raw driver (runtime/sql.ts): one transaction,
 * so an import cut off anywhere leaves the whole document or nothing, and multi-row
 * statements in batches that stay under both databases' limits on bound values (SQLite's
 * default 32,766, and 999 in older builds; PostgreSQL's 65,535). On SQLite the whole write
 * runs synchronously (a few thousand rows: tens of milliseconds); through Prisma, thousands of
 * statements each compiled anew held the single connection for seconds.
 */
import type { DeckDraft } from "../../generator/types";
import { newId } from "../runtime/ids";
import { changes, exec, firstRow, rawSql, rows, sql, sqlList, type Sql, type SqlValue, type Steps } from "../runtime/sql";

export type DeckOwner = { ownerId: string } | { builtinKey: string };

export interface SavedDeck {
  document: { id: string; title: string };
  created: boolean;
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

function findDocument(owner: DeckOwner, hash: string) {
  const where = "builtinKey" in owner ? sql`"builtinKey" = ${owner.builtinKey}` : sql`"ownerId" = ${owner.ownerId} AND "contentHash" = ${hash}`;
  return firstRow(sql`SELECT "id", "title", "contentHash" FROM "Document" WHERE ${where}`, (row) => ({
    id: row.id as string,
    title: row.title as string,
    contentHash: row.contentHash as string,
  }));
}

const CARD_COLUMNS = ["id", "documentId", "topicId", "fingerprint", "kind", "prompt", "answer", "options", "source", "quality", "position", "createdAt"];

/**
 * Stores a generated deck. Idempotent: the same text for the same owner changes nothing, and a
 * new version of a document (the built-in deck) keeps every card whose fingerprint is unchanged,
 * and so its review history; cards and topics it no longer has go unless someone studied them.
 */
export function* writeDeck(owner: DeckOwner, hash: string, sourceText: string, draft: DeckDraft, now: Date): Steps<SavedDeck> {
  const existing = yield* exec(findDocument(owner, hash));
  if (existing && existing.contentHash === hash) return { document: { id: existing.id, title: existing.title }, created: false };

  const documentId = existing?.id ?? newId();
  if (existing) {
    yield* exec(
      changes(sql`UPDATE "Document" SET "title" = ${draft.title}, "summary" = ${draft.summary}, "sourceText" = ${sourceText}, "contentHash" = ${hash}
                  WHERE "id" = ${documentId}`),
    );
  } else {
    const [ownerId, builtinKey] = "builtinKey" in owner ? [null, owner.builtinKey] : [owner.ownerId, null];
    yield* insertRows(
      "Document",
      ["id", "ownerId", "builtinKey", "title", "summary", "sourceText", "contentHash", "createdAt"],
      [[documentId, ownerId, builtinKey, draft.title, draft.summary, sourceText, hash, now]],
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

  // Cards by fingerprint: kept ones updated in place (their ids, states and logs stay), new ones added.
  const knownCards = new Map(
    existing
      ? (yield* exec(rows(sql`SELECT "id", "fingerprint" FROM "Card" WHERE "documentId" = ${documentId}`, (row) => [row.fingerprint as string, row.id as string] as const)))
      : [],
  );
  const newCards: SqlValue[][] = [];
  for (const [position, card] of draft.cards.entries()) {
    const topicId = card.topic === null ? null : (topicIds.get(card.topic) ?? null);
    const fields = [card.kind.toUpperCase(), card.prompt, card.answer, card.options ? JSON.stringify(card.options) : null, card.source, card.quality, position] as const;
    const known = knownCards.get(card.id);
    if (!known) {
      newCards.push([newId(), documentId, topicId, card.id, ...fields, now]);
      continue;
    }
    const [kind, prompt, answer, options, source, quality] = fields;
    yield* exec(
      changes(sql`UPDATE "Card" SET "topicId" = ${topicId}, "kind" = ${kind}, "prompt" = ${prompt}, "answer" = ${answer}, "options" = ${options},
                  "source" = ${source}, "quality" = ${quality}, "position" = ${position} WHERE "id" = ${known}`),
    );
  }
  yield* insertRows("Card", CARD_COLUMNS, newCards);

  if (existing) {
    const kept = new Set(draft.cards.map((card) => card.id));
    const staleCards = [...knownCards].filter(([fingerprint]) => !kept.has(fingerprint)).map(([, id]) => id);
    yield* deleteByIds("Card", staleCards, sql`NOT EXISTS (SELECT 1 FROM "ReviewLog" r WHERE r."cardId" = "Card"."id")`);
    const staleTopics = [...knownTopics].filter(([path]) => !topicIds.has(path)).map(([, id]) => id);
    yield* deleteByIds("Topic", staleTopics, sql`NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."topicId" = "Topic"."id")`);
  }
  return { document: { id: documentId, title: draft.title }, created: !existing };
}
