/**
 * A user's decks as an Anki package: one deck (the document page) or every deck they can see
 * (the stats page), each card as the user sees it (their edits applied), optionally with their
 * schedule and review history.
 */
import { writePackage } from "../../anki/write-package";
import type { ExportCard, ExportKind, ExportLog } from "../../anki/export-notes";
import { listDecks, requireVisibleDeck } from "../documents/decks";
import { memoryColumns } from "../review/store";
import { sqlOf, type Db } from "../runtime/client";
import { readDate, readOne, rows, sql, sqlList } from "../runtime/sql";

function exportCards(userId: string, documentIds: readonly string[]) {
  return rows(
    sql`
    SELECT c."id", c."documentId", d."title" AS "documentTitle", t."title" AS "topicTitle", c."kind", c."prompt", c."answer", c."options", c."source",
           s."customPrompt", s."customAnswer", s."customOptions", s."suspended", s."id" AS "stateId",
           s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays", s."learningSteps", s."reps", s."lapses", s."state", s."lastReview"
    FROM "Card" c
    JOIN "Document" d ON d."id" = c."documentId"
    LEFT JOIN "Topic" t ON t."id" = c."topicId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    WHERE c."documentId" IN (${sqlList(documentIds)})
    ORDER BY d."createdAt", c."documentId", c."position", c."id"`,
    (row): ExportCard => {
      const options = (row.customOptions ?? row.options) as string | null;
      return {
        id: row.id as string,
        documentId: row.documentId as string,
        documentTitle: row.documentTitle as string,
        topicTitle: (row.topicTitle as string | null) ?? null,
        kind: row.kind as ExportKind,
        prompt: (row.customPrompt ?? row.prompt) as string,
        answer: (row.customAnswer ?? row.answer) as string,
        options: options ? (JSON.parse(options) as string[]) : null,
        source: row.source as string,
        memory: row.stateId === null ? null : memoryColumns(row),
        suspended: Boolean(row.suspended),
      };
    },
  );
}

function exportLogs(userId: string, documentIds: readonly string[]) {
  return rows(
    sql`
    SELECT r."cardId", r."rating", r."reviewedAt", r."durationMs", r."mode", r."prevState", r."prevDue", r."prevScheduledDays", r."state", r."due", r."scheduledDays"
    FROM "ReviewLog" r JOIN "Card" c ON c."id" = r."cardId"
    WHERE r."userId" = ${userId} AND c."documentId" IN (${sqlList(documentIds)})
    ORDER BY r."reviewedAt", r."id"`,
    (row): ExportLog => {
      const due = readDate(row.due);
      return {
        cardId: row.cardId as string,
        rating: Number(row.rating),
        reviewedAt: readDate(row.reviewedAt),
        durationMs: Number(row.durationMs),
        // A quiz answer that left the schedule as it was is practice; one that counted is a review.
        reschedules: row.mode === "REVIEW" || due.getTime() !== readDate(row.prevDue).getTime() || Number(row.state) !== Number(row.prevState),
        prevState: Number(row.prevState),
        prevScheduledDays: Number(row.prevScheduledDays),
        state: Number(row.state),
        due,
        scheduledDays: Number(row.scheduledDays),
      };
    },
  );
}

export interface AnkiExport {
  bytes: Uint8Array;
  fileName: string;
  cards: number;
}

function fileNameFor(title: string | null, now: Date): string {
  const base = (title ?? "keypoint").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "keypoint";
  return `${base}-${now.toISOString().slice(0, 10)}.apkg`;
}

/** The package: `documentId` one deck (404 when the user cannot see it), else all their decks. */
export async function exportAnkiPackage(db: Db, userId: string, options: { documentId?: string; withScheduling: boolean }, now: Date): Promise<AnkiExport> {
  let documentIds: string[];
  let title: string | null = null;
  if (options.documentId) {
    await requireVisibleDeck(db, userId, options.documentId);
    documentIds = [options.documentId];
  } else {
    documentIds = (await listDecks(db, userId)).map((deck) => deck.id);
  }
  const runner = sqlOf(db);
  const cards = await readOne(runner, exportCards(userId, documentIds));
  if (options.documentId) title = cards[0]?.documentTitle ?? null;
  const logs = options.withScheduling ? await readOne(runner, exportLogs(userId, documentIds)) : [];
  const bytes = writePackage({ cards, logs, withScheduling: options.withScheduling, now });
  return { bytes, fileName: fileNameFor(title, now), cards: cards.length };
}
