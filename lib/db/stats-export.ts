/**
 * CSV exports read page by page with keyset pagination (never the whole history
 * in memory): each page starts after the last row of the previous one.
 */
import { CARD_CSV_HEADER, REVIEW_CSV_HEADER, STATE_NAMES, csvLine } from "../stats/csv";
import type { DatabaseKind } from "../config/database-url";
import type { Db } from "./client";
import { Prisma } from "./generated/sqlite/client";
import { atOrAfter, epochMs, literal, num, type Sql } from "./stats-sql";
import { visibleDocumentsWhere } from "./decks";

export const EXPORT_PAGE_SIZE = 5_000;

/**
 * The user's review history in the layout the FSRS optimizer tools read:
 * card_id, review_time (ms since the epoch), review_rating (1-4),
 * review_state (the card's state before the answer: 0 New, 1 Learning, 2 Review,
 * 3 Relearning), review_duration (ms). Oldest first. Review answers, and the quiz
 * answers that counted as a review (see README).
 */
export async function* reviewHistoryCsv(db: Db, kind: DatabaseKind, userId: string, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<string> {
  yield csvLine(REVIEW_CSV_HEADER);
  const at = epochMs(kind, `r."reviewedAt"`);
  let after: { reviewedAtMs: number; id: string } | null = null;
  for (;;) {
    // Raw SQL: a million rows through the ORM's row mapping cost several times the query.
    // `reviewedAt >= last` lets the (userId, reviewedAt) index start the page where the
    // previous one ended; the OR settles ties on the id.
    const resume: Sql = after
      ? Prisma.sql`AND ${atOrAfter(kind, `r."reviewedAt"`, after.reviewedAtMs)}
          AND (${at} > ${literal(after.reviewedAtMs)} OR (${at} = ${literal(after.reviewedAtMs)} AND r."id" > ${after.id}))`
      : Prisma.empty;
    const page = await db.$queryRaw<{ id: string; cardId: string; at: unknown; rating: unknown; prevState: unknown; durationMs: unknown }[]>`
      SELECT r."id", r."cardId", ${at} AS "at", r."rating", r."prevState", r."durationMs"
      FROM "ReviewLog" r
      WHERE r."userId" = ${userId} ${resume}
        -- Quiz answers that left the schedule alone (the card was not due) are practice, not
        -- reviews: the optimizer would misread them. Those that graded a due card stay in.
        AND (r."mode" = 'REVIEW' OR r."due" <> r."prevDue")
      ORDER BY r."reviewedAt", r."id"
      LIMIT ${literal(pageSize)}`;
    if (page.length === 0) return;
    yield page.map((r) => csvLine([r.cardId, num(r.at), num(r.rating), num(r.prevState), num(r.durationMs)])).join("");
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    after = { reviewedAtMs: num(last.at), id: last.id };
  }
}

/**
 * Every card of the decks the user can see, with their own scheduling state
 * ("new" and empty memory for cards never studied) and their own edits.
 */
export async function* cardsCsv(db: Db, userId: string, pageSize = 2_000): AsyncGenerator<string> {
  yield csvLine(CARD_CSV_HEADER);
  let after: string | null = null;
  for (;;) {
    const page = await cardPage(db, userId, after, pageSize);
    if (page.length === 0) return;
    yield page
      .map((card) => {
        const s = card.states[0];
        return csvLine([
          card.id,
          card.document.title,
          card.topic?.title ?? "",
          card.kind,
          s?.customPrompt ?? card.prompt,
          s?.customAnswer ?? card.answer,
          STATE_NAMES[s?.state ?? 0] ?? String(s?.state),
          s && s.state !== 0 ? s.due.toISOString() : "",
          s && s.state !== 0 ? round(s.stability) : "",
          s && s.state !== 0 ? round(s.difficulty) : "",
          s?.reps ?? 0,
          s?.lapses ?? 0,
          s?.suspended ?? false,
        ]);
      })
      .join("");
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}

function cardPage(db: Db, userId: string, after: string | null, pageSize: number) {
  return db.card.findMany({
    where: { document: visibleDocumentsWhere(userId), ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: pageSize,
    select: {
      id: true,
      kind: true,
      prompt: true,
      answer: true,
      document: { select: { title: true } },
      topic: { select: { title: true } },
      states: {
        where: { userId },
        select: {
          state: true, due: true, stability: true, difficulty: true, reps: true, lapses: true, suspended: true,
          customPrompt: true, customAnswer: true,
        },
      },
    },
  });
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A streamed text/csv response that pulls one page from `chunks` whenever the client is ready for more. */
export function csvResponse(chunks: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error("CSV export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
