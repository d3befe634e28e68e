/**
 * CSV exports read page by page with keyset pagination (never the whole history
 * in memory): each page starts after the last row of the previous one. Pages are
 * plain SQL on the raw driver (lib/db/runtime/sql.ts): over a million rows, Prisma's per-row
 * mapping cost several times the queries.
 */
import { CARD_CSV_HEADER, REVIEW_CSV_HEADER, STATE_NAMES, csvField, csvLine } from "../../stats/csv";
import { sqlOf, type Db } from "../runtime/client";
import { emptySql, readDate, readOne, sql, type Row, type Statement, type SqlDialect } from "../runtime/sql";
import { documentVisibleTo } from "../documents/decks";
import { epochMs } from "./sql-fragments";

export const EXPORT_PAGE_SIZE = 5_000;

/** A page's CSV lines, how many rows it held, and the key of its last row (where the next page starts). */
interface CsvPage<Key> {
  lines: string;
  count: number;
  last: Key | null;
}

function csvPage<Key>(rows: Row[], line: (row: Row) => string, keyOf: (row: Row) => Key): CsvPage<Key> {
  const last = rows.at(-1);
  return { lines: rows.map(line).join(""), count: rows.length, last: last ? keyOf(last) : null };
}

/** The header, then one chunk per page until a page comes back short. */
async function* csvPages<Key>(db: Db, header: string[], pageSize: number, page: (after: Key | null) => Statement<CsvPage<Key>>): AsyncGenerator<string> {
  yield csvLine(header);
  const runner = sqlOf(db);
  let after: Key | null = null;
  for (;;) {
    // Each page is a read of its own: nothing holds the SQLite connection while the client takes a chunk.
    const { lines, count, last }: CsvPage<Key> = await readOne(runner, page(after));
    if (count > 0) yield lines;
    if (count < pageSize) return;
    after = last;
  }
}

/** An answer's place in the export's (reviewedAt, id) order. */
interface AnswerKey {
  reviewedAtMs: number;
  id: string;
}

/**
 * A page of the user's answers. The (userId, reviewedAt, id, …) index holds every
 * column read here, so a page is one seek and a short scan of the index, already in
 * order: no table lookups, no sort.
 */
function answerPage(dialect: SqlDialect, userId: string, after: AnswerKey | null, pageSize: number): Statement<CsvPage<AnswerKey>> {
  // Milliseconds computed in SQL: on PostgreSQL, parsing a million timestamps in JS costs more than the query.
  const at = epochMs(dialect, `r."reviewedAt"`);
  const resume = after ? sql`AND (r."reviewedAt", r."id") > (${new Date(after.reviewedAtMs)}, ${after.id})` : emptySql;
  return {
    ...sql`
      SELECT r."id", r."cardId", ${at} AS "at", r."rating", r."prevState", r."durationMs"
      FROM "ReviewLog" r
      WHERE r."userId" = ${userId} ${resume}
        -- Quiz answers that left the schedule alone (the card was not due) are practice, not
        -- reviews: the optimizer would misread them. Those that graded a due card stay in.
        AND (r."mode" = 'REVIEW' OR r."due" <> r."prevDue")
      ORDER BY r."reviewedAt", r."id"
      LIMIT ${pageSize}`,
    read: ({ rows }) => csvPage(rows, answerLine, (row) => ({ reviewedAtMs: Number(row.at), id: row.id as string })),
  };
}

/** Written out by hand (numbers never need quoting): csvLine's array and per-field test show over a million rows. */
function answerLine(row: Row): string {
  return `${csvField(row.cardId as string)},${Number(row.at)},${Number(row.rating)},${Number(row.prevState)},${Number(row.durationMs)}\r\n`;
}

/**
 * The user's review history in the layout the FSRS optimizer tools read:
 * card_id, review_time (ms since the epoch), review_rating (1-4),
 * review_state (the card's state before the answer: 0 New, 1 Learning, 2 Review,
 * 3 Relearning), review_duration (ms). Oldest first. Review answers, and the quiz
 * answers that counted as a review (see README).
 */
export function reviewHistoryCsv(db: Db, userId: string, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  return csvPages<AnswerKey>(db, REVIEW_CSV_HEADER, pageSize, (after) => answerPage(sqlOf(db).dialect, userId, after, pageSize));
}

/** A page of the cards the user can see, in id order, with the user's state if they have one. */
function cardPage(userId: string, after: string | null, pageSize: number): Statement<CsvPage<string>> {
  const resume = after ? sql`AND c."id" > ${after}` : emptySql;
  return {
    ...sql`
      SELECT c."id", d."title" AS "document", t."title" AS "topic", c."kind", c."prompt", c."answer",
             s."state", s."due", s."stability", s."difficulty", s."reps", s."lapses", s."suspended", s."customPrompt", s."customAnswer"
      FROM "Card" c
      JOIN "Document" d ON d."id" = c."documentId"
      LEFT JOIN "Topic" t ON t."id" = c."topicId"
      LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
      WHERE ${documentVisibleTo(userId)} ${resume}
      ORDER BY c."id"
      LIMIT ${pageSize}`,
    read: ({ rows }) => csvPage(rows, cardLine, (row) => row.id as string),
  };
}

/** A card never studied has no CardState row: "new", an empty memory, no edits. */
function cardLine(row: Row): string {
  const state = Number(row.state ?? 0);
  const studied = state !== 0;
  return csvLine([
    row.id as string,
    row.document as string,
    (row.topic as string | null) ?? "",
    row.kind as string,
    (row.customPrompt as string | null) ?? (row.prompt as string),
    (row.customAnswer as string | null) ?? (row.answer as string),
    STATE_NAMES[state] ?? String(state),
    studied ? readDate(row.due).toISOString() : "",
    studied ? round(Number(row.stability)) : "",
    studied ? round(Number(row.difficulty)) : "",
    Number(row.reps ?? 0),
    Number(row.lapses ?? 0),
    Boolean(row.suspended),
  ]);
}

/**
 * Every card of the decks the user can see, with their own scheduling state
 * ("new" and empty memory for cards never studied) and their own edits.
 */
export function cardsCsv(db: Db, userId: string, pageSize = 2_000): AsyncGenerator<string> {
  return csvPages<string>(db, CARD_CSV_HEADER, pageSize, (after) => cardPage(userId, after, pageSize));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
