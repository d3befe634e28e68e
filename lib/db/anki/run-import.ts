/**
 * Running an Anki import: the package is read as a stream of cards with their review logs,
 * each card's history is replayed through the scheduler with the user's parameters, and the
 * rows are written under a staging user a batch per transaction, with the progress; the last
 * transaction hands everything to the user (staging.ts). A run cut off leaves nothing the
 * user sees, and any server starts it again from the package kept on disk.
 */
import { createHash } from "node:crypto";
import { AnkiPackageError } from "../../anki/errors";
import { openCollection, type AnkiCollection } from "../../anki/collection";
import { importItems, type ImportItem } from "../../anki/import-plan";
import { unpackPackage, PACKAGE_LIMITS, type PackageLimits, type UnpackedCollection } from "../../anki/package-file";
import { replayCard } from "../../anki/review-history";
import type { ImportSummary } from "../../anki/summary";
import { settingsFromUser, type SchedulerSettings } from "../../scheduler";
import { sqlOf, type Db } from "../runtime/client";
import { newId } from "../runtime/ids";
import { exec, firstRow, readOne, sql, type SqlRunner } from "../runtime/sql";
import { claimJob, failJob, jobById, setStagingUser, type ImportJob } from "./import-jobs";
import { removePackage } from "./package-store";
import { LostLease, deleteStagingUser, handOver, importedFingerprints, insertStagingUser, writeBatch, type StagedBatch, type StagedDocument } from "./staging";

/** A batch ends at whichever comes first. */
const BATCH_CARDS = 1000;
const BATCH_LOGS = 20_000;

export interface RunOptions {
  packagePath: string;
  limits?: PackageLimits;
  now?: () => Date;
  /** Called after every batch (the command line prints it). */
  onProgress?: (phase: string, progress: number) => void;
}

/** A document's identity across imports: its Anki deck, so importing the deck again adds to it. */
function deckHash(name: string): string {
  return createHash("sha256").update(`anki-deck:${name}`).digest("hex");
}

function userSettings(userId: string) {
  return firstRow(
    sql`SELECT "timeZone", "desiredRetention", "dailyNewLimit", "dailyReviewLimit", "fsrsParams", "learningSteps", "relearningSteps" FROM "User" WHERE "id" = ${userId}`,
    (row): SchedulerSettings =>
      settingsFromUser({
        timeZone: row.timeZone as string,
        desiredRetention: Number(row.desiredRetention),
        dailyNewLimit: Number(row.dailyNewLimit),
        dailyReviewLimit: Number(row.dailyReviewLimit),
        fsrsParams: (row.fsrsParams as string | null) ?? null,
        learningSteps: row.learningSteps as string,
        relearningSteps: row.relearningSteps as string,
      }),
  );
}

/** Turns cards of the collection into staged rows, a batch at a time. */
class Stager {
  readonly documents = new Map<string, StagedDocument>();
  readonly counts = { cards: 0, reviews: 0, alreadyImported: 0, media: 0, scripts: 0, skippedCards: 0 };
  batch: StagedBatch = Stager.empty();
  private logsInBatch = 0;

  constructor(
    private readonly stagingUserId: string,
    private readonly known: Set<string>,
    private readonly settings: SchedulerSettings,
    private readonly collection: AnkiCollection,
    private readonly now: Date,
  ) {}

  static empty(): StagedBatch {
    return { documents: [], topics: [], cards: [], states: [], logs: [] };
  }

  get full(): boolean {
    return this.batch.cards.length >= BATCH_CARDS || this.logsInBatch >= BATCH_LOGS;
  }

  take(): StagedBatch {
    const batch = this.batch;
    this.batch = Stager.empty();
    this.logsInBatch = 0;
    return batch;
  }

  private documentFor(name: string): StagedDocument {
    let document = this.documents.get(name);
    if (!document) {
      document = { id: newId(), title: name, contentHash: deckHash(name), topics: new Map(), cards: 0 };
      this.documents.set(name, document);
      this.batch.documents.push({
        id: document.id,
        ownerId: this.stagingUserId,
        title: name,
        summary: "Imported from Anki",
        sourceText: "",
        contentHash: document.contentHash,
        createdAt: this.now,
      });
    }
    return document;
  }

  private topicFor(document: StagedDocument, title: string | null): string | null {
    if (title === null) return null;
    let id = document.topics.get(title);
    if (!id) {
      id = newId();
      const order = document.topics.size + 1;
      document.topics.set(title, id);
      this.batch.topics.push({ id, documentId: document.id, path: String(order), title, order });
    }
    return id;
  }

  add(item: ImportItem): void {
    const { outcome, row } = item;
    this.counts.media += outcome.media;
    this.counts.scripts += outcome.scripts;
    if (!outcome.card) {
      this.counts.skippedCards += 1;
      return;
    }
    const card = outcome.card;
    if (this.known.has(card.fingerprint)) {
      this.counts.alreadyImported += 1;
      return;
    }
    this.known.add(card.fingerprint);
    const document = this.documentFor(item.place.document);
    const cardId = newId();
    this.batch.cards.push({
      id: cardId,
      documentId: document.id,
      topicId: this.topicFor(document, item.place.topic),
      fingerprint: card.fingerprint,
      kind: card.kind,
      prompt: card.prompt,
      answer: card.answer,
      options: card.options ? JSON.stringify(card.options) : null,
      source: card.source,
      quality: 1,
      position: document.cards,
      createdAt: this.now,
    });
    document.cards += 1;
    this.counts.cards += 1;
    const replayed = replayCard(cardId, row, item.answers, this.settings, this.collection.createdSeconds);
    if (replayed.memory) {
      this.batch.states.push({ id: newId(), userId: this.stagingUserId, cardId, documentId: document.id, memory: replayed.memory, suspended: replayed.suspended, now: this.now });
    }
    for (const { answer, log } of replayed.logs) {
      this.batch.logs.push({
        answer: { userId: this.stagingUserId, cardId, clientRequestId: answer.requestId, mode: answer.reschedules ? "REVIEW" : "QUIZ", durationMs: answer.durationMs },
        log,
      });
    }
    this.logsInBatch += replayed.logs.length;
    this.counts.reviews += replayed.logs.length;
  }
}

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

async function stageAndHandOver(runner: SqlRunner, job: ImportJob, lease: number, unpacked: UnpackedCollection, options: RunOptions): Promise<ImportSummary> {
  const now = options.now ?? (() => new Date());
  const collection = openCollection(unpacked.file);
  try {
    if (collection.counts.cards === 0) throw new AnkiPackageError("EMPTY", "This package holds no cards, so there was nothing to import.");
    const settings = await readOne(runner, userSettings(job.userId));
    if (!settings) throw new LostLease();
    const stagingUserId = newId();
    await runner.transaction(function* () {
      yield* exec(insertStagingUser(stagingUserId, job.id, now()));
      if (!(yield* exec(setStagingUser(job.id, lease, stagingUserId)))) throw new LostLease();
    });
    const known = new Set(await readOne(runner, importedFingerprints(job.userId)));
    const stager = new Stager(stagingUserId, known, settings, collection, now());
    let seen = 0;
    const phase = "Storing cards and review history";
    // One batch is written while the next is staged: on PostgreSQL the server stores one
    // while this process replays the next (on SQLite the write runs on this thread anyway).
    // Batches still go in order, one transaction each, and a lost lease stops the run at the next.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const progress = 0.95 * (seen / collection.counts.cards);
      const batch = stager.take();
      await writing;
      writing = runner.transaction(() => writeBatch(batch, { id: job.id, lease, phase, progress, now: now() })).then(() => options.onProgress?.(phase, progress));
      writing.catch(() => undefined); // awaited by the next flush, or below
      await yieldToEventLoop();
    };
    try {
      for (const item of importItems(collection)) {
        seen += 1;
        stager.add(item);
        if (stager.full) await flush();
      }
    } catch (error) {
      // Nothing may still be writing when the run's failure is recorded.
      await writing.catch(() => undefined);
      // A read error part-way through the collection: its pages are damaged.
      if (error instanceof LostLease || error instanceof AnkiPackageError) throw error;
      if ((error as { code?: string })?.code?.startsWith?.("SQLITE_")) {
        throw new AnkiPackageError("DAMAGED", "This package's collection is damaged part-way through, so nothing was imported.");
      }
      throw error;
    }
    await flush();
    await writing;
    options.onProgress?.("Finishing", 0.97);
    return await runner.transaction(() =>
      handOver({ userId: job.userId, stagingUserId, documents: [...stager.documents.values()], summary: stager.counts }, { id: job.id, lease, now: now() }),
    );
  } finally {
    collection.close();
  }
}

/**
 * Runs (or resumes) the import `jobId`: claims it, removes what an earlier cut-off run staged,
 * and imports the package. Bad packages end the job FAILED with their sentence; a run that
 * loses its lease stops without touching anything.
 */
export async function runImportJob(db: Db, jobId: string, options: RunOptions): Promise<ImportJob | null> {
  const runner = sqlOf(db);
  const now = options.now ?? (() => new Date());
  const job = await readOne(runner, jobById(jobId));
  if (!job || (job.status !== "QUEUED" && job.status !== "RUNNING")) return job;
  if (!(await readOne(runner, claimJob(job.id, job.lease, now())).catch(() => false))) return job;
  const lease = job.lease + 1;
  if (job.stagingUserId) await runner.transaction(() => exec(deleteStagingUser(job.stagingUserId!)));

  let unpacked: UnpackedCollection | null = null;
  let ended = false;
  try {
    unpacked = await unpackPackage(options.packagePath, options.limits ?? PACKAGE_LIMITS);
    await stageAndHandOver(runner, job, lease, unpacked, options);
    ended = true;
  } catch (error) {
    if (error instanceof LostLease) return readOne(runner, jobById(jobId));
    const message =
      error instanceof AnkiPackageError ? error.message : "Something went wrong while importing this package; nothing was imported. Please try again.";
    if (!(error instanceof AnkiPackageError)) console.error("Anki import failed", error);
    const current = await readOne(runner, jobById(jobId));
    ended = await runner.transaction(function* () {
      if (current?.stagingUserId) yield* exec(deleteStagingUser(current.stagingUserId));
      return yield* exec(failJob(jobId, lease, message, now()));
    });
  } finally {
    await unpacked?.dispose();
    if (ended) await removePackage(options.packagePath);
  }
  return readOne(runner, jobById(jobId));
}
