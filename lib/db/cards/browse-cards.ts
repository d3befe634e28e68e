/**
 * The card browser (Anki's Browse): a user's cards in the decks they study, searched over the
 * prompt, answer, options and source (their own wording too), filtered and sorted, one page at
 * a time. A page is found in two steps: the ids of the matching cards in order (touching the
 * user's CardState only when a filter or the sort needs it) with the count of all matches (a window
 * function: one pass for both), then those 50 cards in full.
 *
 * Search scans a normalised column (Card.searchText: each word once, lower case, no accents)
 * with LIKE, the same on both databases; the user's own wordings come from an index on
 * (userId, searchText), so the scan never joins every card with its state.
 */
import { CardState, settingsForDay, studyDayEnd, type StudyUser } from "../../scheduler";
import { LIKE_ESCAPE, containsPattern, queryWords } from "../../cards/search-text";
import type { StudyCardKind } from "../../cards/card-content";
import { CARDS_PER_PAGE, type CardQuery } from "../../validation/cards";
import { documentVisibleTo } from "../documents/decks";
import { toCardView, type CardEdits, type CardRow } from "../review/card-view";
import { sqlOf, type Db } from "../runtime/client";
import { NotFound } from "../runtime/errors";
import { exec, firstRow, joinSql, readDate, readOptionalDate, rows, sql, sqlList, type Sql } from "../runtime/sql";

const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof STATE_NAMES)[number];

export interface BrowserCard {
  id: string;
  documentId: string;
  documentTitle: string;
  /** The user's own document: they may delete its cards, move them and add more. */
  owned: boolean;
  topicId: string | null;
  topicTitle: string | null;
  kind: StudyCardKind;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
  /** The user's own wording replaces the document's. */
  edited: boolean;
  /** Written by hand rather than generated. */
  manual: boolean;
  state: CardStateName;
  suspended: boolean;
  /** Null for a card never studied. */
  due: Date | null;
  lapses: number;
  reps: number;
  difficulty: number | null;
  lastReview: Date | null;
  createdAt: Date;
}

export interface BrowserDeck {
  id: string;
  title: string;
  owned: boolean;
  topics: { id: string; path: string; title: string }[];
}

export interface CardPage {
  cards: BrowserCard[];
  total: number;
  page: number;
  pageSize: number;
  /** The decks the user studies, with their topics (the filters' choices). */
  decks: BrowserDeck[];
}

function decksOf(userId: string) {
  return rows(
    sql`SELECT d."id", d."title", d."ownerId" FROM "Document" d WHERE ${documentVisibleTo(userId)} ORDER BY d."createdAt" DESC, d."id"`,
    (row) => ({ id: row.id as string, title: row.title as string, owned: row.ownerId === userId }),
  );
}

function topicsOf(documentIds: string[]) {
  return rows(
    sql`SELECT "id", "documentId", "path", "title" FROM "Topic" WHERE "documentId" IN (${sqlList(documentIds)}) ORDER BY "order", "path"`,
    (row) => ({ id: row.id as string, documentId: row.documentId as string, path: row.path as string, title: row.title as string }),
  );
}

/** A word of the search: in the card's words, or in the user's own version of it. */
function matchesWord(userId: string, word: string): Sql {
  const pattern = containsPattern(word);
  return sql`(c."searchText" LIKE ${pattern} ESCAPE ${LIKE_ESCAPE}
    OR c."id" IN (SELECT "cardId" FROM "CardState" WHERE "userId" = ${userId} AND "searchText" LIKE ${pattern} ESCAPE ${LIKE_ESCAPE}))`;
}

const isNew = sql`(s."id" IS NULL OR s."state" = ${CardState.New})`;

/** The conditions of the query, and whether any of them reads the user's CardState (alias s). */
function conditions(userId: string, query: CardQuery, documentIds: string[], dueBy: Date): { where: Sql; filtersState: boolean } {
  const onCard: Sql[] = [sql`c."documentId" IN (${sqlList(documentIds)})`];
  const onState: Sql[] = [];
  if (query.topic) onCard.push(sql`c."topicId" = ${query.topic}`);
  if (query.kind) onCard.push(sql`c."kind" = ${query.kind.toUpperCase()}`);
  for (const word of queryWords(query.q ?? "")) onCard.push(matchesWord(userId, word));
  if (query.state) onState.push(query.state === "new" ? isNew : sql`s."state" = ${STATE_NAMES.indexOf(query.state)}`);
  if (query.suspended === "yes") onState.push(sql`s."suspended" = ${true}`);
  if (query.suspended === "no") onState.push(sql`(s."id" IS NULL OR s."suspended" = ${false})`);
  if (query.due) onState.push(sql`s."state" <> ${CardState.New} AND s."due" < ${dueBy}`);
  if (query.lapses) onState.push(sql`s."lapses" >= ${query.lapses}`);
  return { where: joinSql([...onCard, ...onState], " AND "), filtersState: onState.length > 0 };
}

/** Each sort, with the card id last so pages never overlap; cards never studied go after the others where it matters. */
const ORDER: Record<CardQuery["sort"], Sql> = {
  created: sql`c."createdAt" DESC, c."position", c."id"`,
  due: sql`CASE WHEN ${isNew} THEN 1 ELSE 0 END, s."due", c."position", c."id"`,
  lapses: sql`COALESCE(s."lapses", 0) DESC, c."position", c."id"`,
  difficulty: sql`CASE WHEN ${isNew} THEN 1 ELSE 0 END, s."difficulty" DESC, c."position", c."id"`,
};

/** The page's card ids in order, each with the count of every match: one pass over the cards for both. */
function pageIds(userId: string, query: CardQuery, where: Sql, needsState: boolean) {
  return rows(
    sql`SELECT c."id", COUNT(*) OVER () AS "total" FROM ${from(userId, needsState)} WHERE ${where} ORDER BY ${ORDER[query.sort]}
        LIMIT ${CARDS_PER_PAGE} OFFSET ${(query.page - 1) * CARDS_PER_PAGE}`,
    (row) => ({ id: row.id as string, total: Number(row.total) }),
  );
}

function from(userId: string, withState: boolean): Sql {
  return withState ? sql`"Card" c LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}` : sql`"Card" c`;
}

function countOf(userId: string, where: Sql, needsState: boolean) {
  return firstRow(sql`SELECT COUNT(*) AS "n" FROM ${from(userId, needsState)} WHERE ${where}`, (row) => Number(row.n));
}

/** The cards with these ids, as the user sees them. */
function cardDetails(userId: string, ids: string[]) {
  return rows(
    sql`
    SELECT c."id", c."documentId", c."topicId", c."kind", c."prompt", c."answer", c."options", c."source", c."manual", c."createdAt",
           t."title" AS "topicTitle", s."id" AS "stateId", s."state", s."suspended", s."due", s."lapses", s."reps", s."difficulty", s."lastReview",
           s."customPrompt", s."customAnswer", s."customOptions"
    FROM "Card" c
    LEFT JOIN "Topic" t ON t."id" = c."topicId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    WHERE c."id" IN (${sqlList(ids)})`,
    (row) => {
      const studied = row.stateId !== null;
      const card = row as unknown as CardRow & CardEdits & { topicTitle: string | null };
      return {
        ...toCardView({ ...card, topic: card.topicTitle === null ? null : { title: card.topicTitle } }, card),
        edited: row.customPrompt !== null || row.customAnswer !== null || row.customOptions !== null,
        manual: Boolean(row.manual),
        state: STATE_NAMES[studied ? Number(row.state) : 0] ?? "new",
        suspended: Boolean(row.suspended),
        due: studied && Number(row.state) !== CardState.New ? readDate(row.due) : null,
        lapses: studied ? Number(row.lapses) : 0,
        reps: studied ? Number(row.reps) : 0,
        difficulty: studied && Number(row.state) !== CardState.New ? Number(row.difficulty) : null,
        lastReview: studied ? readOptionalDate(row.lastReview) : null,
        createdAt: readDate(row.createdAt),
      };
    },
  );
}

/** One page of the user's cards matching `query`. A deck or topic the user cannot see is not found. */
export async function browseCards(db: Db, user: StudyUser, query: CardQuery, now: Date): Promise<CardPage> {
  const settings = settingsForDay(user, now);
  const dueBy = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  return sqlOf(db).read(function* () {
    const decks = yield* exec(decksOf(user.id));
    if (query.document && !decks.some((deck) => deck.id === query.document)) throw new NotFound("Document");
    const topics = decks.length ? yield* exec(topicsOf(decks.map((deck) => deck.id))) : [];
    const topic = query.topic ? topics.find((t) => t.id === query.topic) : undefined;
    if (query.topic && (!topic || (query.document && topic.documentId !== query.document))) throw new NotFound("Topic");
    const documentIds = query.document ? [query.document] : decks.map((deck) => deck.id);
    const { where, filtersState } = conditions(user.id, query, documentIds, dueBy);
    const found = yield* exec(pageIds(user.id, query, where, filtersState || query.sort !== "created"));
    const ids = found.map((card) => card.id);
    // A page past the last one has no rows to carry the count: ask for it alone.
    const total = found[0]?.total ?? (query.page > 1 ? ((yield* exec(countOf(user.id, where, filtersState))) ?? 0) : 0);
    const details = ids.length ? yield* exec(cardDetails(user.id, ids)) : [];
    const byId = new Map(details.map((card) => [card.id, card]));
    const deckById = new Map(decks.map((deck) => [deck.id, deck]));
    return {
      cards: ids.flatMap((id) => {
        const card = byId.get(id);
        const deck = card && deckById.get(card.documentId);
        return card && deck ? [{ ...card, documentTitle: deck.title, owned: deck.owned }] : [];
      }),
      total,
      page: query.page,
      pageSize: CARDS_PER_PAGE,
      decks: decks.map((deck) => ({ ...deck, topics: topics.filter((t) => t.documentId === deck.id).map(({ id, path, title }) => ({ id, path, title })) })),
    };
  });
}
