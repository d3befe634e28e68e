import { NotFound } from "../runtime/errors";
import { sqlOf, type Db } from "../runtime/client";
import { firstRow, rawSql, readOne, sql, type Sql } from "../runtime/sql";

/**
 * Documents a user may see: their own, unless they deleted them, and the bundled sample deck
 * once they took it (a new account starts with no deck; the first-run page offers the sample),
 * unless they removed it again (DeckOptions.hiddenAt). Deleted and removed decks come back
 * from the settings page (removed-decks.ts).
 */
export async function visibleDocumentsWhere(db: Db, userId: string) {
  const own = { ownerId: userId, deletedAt: null };
  const tookSample = await db.sampleDeckChoice.findUnique({ where: { userId } });
  return tookSample ? { OR: [own, { ownerId: null, deckOptions: { none: { userId, hiddenAt: { not: null } } } }] } : own;
}

/** The same in plain SQL, on the Document table or its alias `d`. */
export function documentVisibleTo(userId: string, table: "d." | "" = "d."): Sql {
  const d = rawSql(table);
  const id = rawSql(table ? `${table}"id"` : `"Document"."id"`);
  const tookSample = sql`EXISTS (SELECT 1 FROM "SampleDeckChoice" choice WHERE choice."userId" = ${userId})`;
  return sql`((${d}"ownerId" = ${userId} AND ${d}"deletedAt" IS NULL) OR (${d}"ownerId" IS NULL AND ${tookSample} AND NOT EXISTS (
    SELECT 1 FROM "DeckOptions" o WHERE o."userId" = ${userId} AND o."documentId" = ${id} AND o."hiddenAt" IS NOT NULL)))`;
}

/**
 * For queries on the user's CardState rows alone (the study queue): leaves out the decks
 * they deleted or removed, whose states stay (the history is kept) but are not studied.
 */
export function notInRemovedDecks(userId: string, column: Sql = sql`"documentId"`): Sql {
  return sql`${column} NOT IN (SELECT "documentId" FROM "DeckOptions" WHERE "userId" = ${userId} AND "hiddenAt" IS NOT NULL
    UNION ALL SELECT "id" FROM "Document" WHERE "ownerId" = ${userId} AND "deletedAt" IS NOT NULL)`;
}

export async function listDecks(db: Db, userId: string) {
  const documents = await db.document.findMany({
    where: await visibleDocumentsWhere(db, userId),
    orderBy: [{ builtinKey: "asc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      summary: true,
      builtinKey: true,
      ownerId: true,
      createdAt: true,
      _count: { select: { cards: true, topics: true } },
    },
  });
  return documents.map((document) => ({
    id: document.id,
    title: document.title,
    summary: document.summary,
    builtin: document.builtinKey !== null,
    owned: document.ownerId === userId,
    cardCount: document._count.cards,
    topicCount: document._count.topics,
  }));
}

export type DeckSummary = Awaited<ReturnType<typeof listDecks>>[number];

/** A document the user may see, or null (also for ids that exist but belong to someone else). */
export async function findVisibleDocument(db: Db, userId: string, documentId: string) {
  return db.document.findFirst({ where: { id: documentId, ...(await visibleDocumentsWhere(db, userId)) } });
}

/** A bundled deck's title, or null: a page title never shows a user's own document's title. */
export async function builtinDeckTitle(db: Db, documentId: string): Promise<string | null> {
  const document = await db.document.findUnique({ where: { id: documentId }, select: { title: true, ownerId: true } });
  return document && document.ownerId === null ? document.title : null;
}

export async function requireVisibleDocument(db: Db, userId: string, documentId: string) {
  const document = await findVisibleDocument(db, userId, documentId);
  if (!document) throw new NotFound("Document");
  return document;
}

/** Refuses (404) a deck id the user may not see; on the raw driver, as the review routes ask on every answer. */
export async function requireVisibleDeck(db: Db, userId: string, documentId: string): Promise<void> {
  const visible = await readOne(
    sqlOf(db),
    firstRow(sql`SELECT "id" FROM "Document" WHERE "id" = ${documentId} AND ${documentVisibleTo(userId, "")}`, () => true),
  );
  if (!visible) throw new NotFound("Document");
}

/** The topics of the decks the user studies (or of one deck), for choosing one to study again. */
export async function studyTopics(db: Db, userId: string, documentId?: string) {
  const topics = await db.topic.findMany({
    where: { document: await visibleDocumentsWhere(db, userId), ...(documentId ? { documentId } : {}), cards: { some: {} } },
    orderBy: [{ document: { createdAt: "desc" } }, { order: "asc" }],
    select: { id: true, title: true, document: { select: { title: true } } },
  });
  return topics.map((topic) => ({ id: topic.id, title: topic.title, deckTitle: topic.document.title }));
}
