/**
 * Where an import's rows wait until they are complete: a staging user (a User row nobody can
 * sign in as) owns the documents, card states and review history while batches arrive, so no
 * page, queue or statistic of the real user sees a partial import. `handOver` gives it all to
 * the user in one transaction; deleting the staging user (cascade) takes back a run cut off.
 */
import type { ImportSummary } from "../../anki/summary";
import { handOverStates, insertImportedStates, moveStatesToDocument } from "../review/card-state";
import { handOverLogs, insertImportedLogs } from "../review/record-answer";
import { insertCards, insertDocument, insertTopic, type NewCard, type NewDocument } from "../documents/bulk-cards";
import { changes, changedOne, exec, firstRow, rows, sql, type Steps } from "../runtime/sql";
import { finishJob, reportProgress } from "./import-jobs";

/** The run no longer holds the job: another server took it over. */
export class LostLease extends Error {
  constructor() {
    super("This import run was taken over by another.");
  }
}

export function insertStagingUser(id: string, jobId: string, now: Date) {
  // "!" is no argon2 hash: nobody can sign in as a staging user.
  return changedOne(sql`INSERT INTO "User" ("id", "email", "passwordHash", "createdAt") VALUES (${id}, ${`anki-import-${jobId}@staging.keypoint.invalid`}, '!', ${now})`);
}

/** Removes a staging user and everything it holds (cascade). */
export function deleteStagingUser(id: string) {
  return changes(sql`DELETE FROM "User" WHERE "id" = ${id} AND "passwordHash" = '!' AND "email" LIKE 'anki-import-%@staging.keypoint.invalid'`);
}

/** Fingerprints of the Anki notes this user imported before. */
export function importedFingerprints(userId: string) {
  return rows(
    sql`SELECT c."fingerprint" FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE d."ownerId" = ${userId} AND c."fingerprint" LIKE 'anki:%'`,
    (row) => row.fingerprint as string,
  );
}

type ImportedState = Parameters<typeof insertImportedStates>[0][number];
type ImportedLog = Parameters<typeof insertImportedLogs>[0][number];

export interface StagedBatch {
  documents: NewDocument[];
  topics: { id: string; documentId: string; path: string; title: string; order: number }[];
  cards: NewCard[];
  states: ImportedState[];
  logs: ImportedLog[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

/** One batch in one transaction, with the run's progress (which fails when the run lost its lease). */
export function* writeBatch(batch: StagedBatch, job: { id: string; lease: number; phase: string; progress: number; now: Date }): Steps<void> {
  for (const document of batch.documents) yield* exec(insertDocument(document));
  for (const topic of batch.topics) yield* exec(insertTopic(topic));
  for (const part of chunks(batch.cards, 200)) yield* exec(insertCards(part));
  for (const part of chunks(batch.states, 300)) yield* exec(insertImportedStates(part));
  for (const part of chunks(batch.logs, 400)) yield* exec(insertImportedLogs(part));
  if (!(yield* exec(reportProgress(job.id, job.lease, job.phase, job.progress, job.now)))) throw new LostLease();
}

export interface StagedDocument {
  id: string;
  title: string;
  contentHash: string;
  /** Topic title → staged topic id. */
  topics: Map<string, string>;
  cards: number;
}

/** Merges a staged document into the user's document imported from the same deck before. */
function* mergeInto(staged: StagedDocument, targetId: string): Steps<void> {
  const existing = yield* exec(rows(sql`SELECT "id", "title", "order" FROM "Topic" WHERE "documentId" = ${targetId}`, (row) => ({ id: row.id as string, title: row.title as string, order: Number(row.order) })));
  const byTitle = new Map(existing.map((topic) => [topic.title, topic.id]));
  let order = existing.reduce((max, topic) => Math.max(max, topic.order), 0);
  for (const [title, stagedTopicId] of staged.topics) {
    const match = byTitle.get(title);
    if (match) {
      yield* exec(changes(sql`UPDATE "Card" SET "topicId" = ${match} WHERE "topicId" = ${stagedTopicId}`));
      yield* exec(changes(sql`DELETE FROM "Topic" WHERE "id" = ${stagedTopicId}`));
    } else {
      order += 1;
      yield* exec(changes(sql`UPDATE "Topic" SET "documentId" = ${targetId}, "path" = ${String(order)}, "order" = ${order} WHERE "id" = ${stagedTopicId}`));
    }
  }
  const last = yield* exec(firstRow(sql`SELECT MAX("position") AS "last" FROM "Card" WHERE "documentId" = ${targetId}`, (row) => Number(row.last ?? -1)));
  yield* exec(changes(sql`UPDATE "Card" SET "documentId" = ${targetId}, "position" = "position" + ${(last ?? -1) + 1} WHERE "documentId" = ${staged.id}`));
  yield* exec(moveStatesToDocument(staged.id, targetId));
  yield* exec(changes(sql`DELETE FROM "Document" WHERE "id" = ${staged.id}`));
}

/**
 * The last step, in one transaction: each staged document becomes the user's (or joins the
 * one they imported from the same deck before), then the states and history, then the job is
 * marked done. Returns the summary with the documents as the user now has them.
 */
export function* handOver(
  input: { userId: string; stagingUserId: string; documents: StagedDocument[]; summary: Omit<ImportSummary, "documents"> },
  job: { id: string; lease: number; now: Date },
): Steps<ImportSummary> {
  const documents: ImportSummary["documents"] = [];
  for (const staged of input.documents) {
    const target = yield* exec(
      firstRow(sql`SELECT "id" FROM "Document" WHERE "ownerId" = ${input.userId} AND "contentHash" = ${staged.contentHash}`, (row) => row.id as string),
    );
    if (target) yield* mergeInto(staged, target);
    else yield* exec(changes(sql`UPDATE "Document" SET "ownerId" = ${input.userId} WHERE "id" = ${staged.id}`));
    documents.push({ id: target ?? staged.id, title: staged.title, cards: staged.cards, merged: target !== null });
  }
  yield* exec(handOverStates(input.stagingUserId, input.userId));
  yield* exec(handOverLogs(input.stagingUserId, input.userId));
  yield* exec(deleteStagingUser(input.stagingUserId));
  const summary = { ...input.summary, documents };
  if (!(yield* exec(finishJob(job.id, job.lease, summary, job.now)))) throw new LostLease();
  return summary;
}
