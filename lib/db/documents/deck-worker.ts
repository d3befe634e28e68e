/**
 * The deck worker thread (started by deck-jobs.ts): turns documents into decks and saves them,
 * away from the thread that answers requests. Generating a 2 MB document takes seconds of CPU,
 * and writing its thousands of cards a few hundred milliseconds; here neither holds up anyone
 * else's request. Writes go through this thread's own connection (a second SQLite connection,
 * or a small pg pool), in one transaction.
 */
import { parentPort } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../config/database-url";
import { GeneratorError, generateDeck, languageNotice } from "../../generator";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import { postgresRunner } from "../runtime/postgres-runner";
import type { SqlRunner } from "../runtime/sql";
import { sqliteRunner } from "../runtime/sqlite-runner";
import type { DeckJob, DeckRefusal, DeckReply } from "./deck-jobs";
import { importDraft } from "./import-document";
import { findImportMatch } from "./import-match";

const runners = new Map<string, SqlRunner>();

function runnerFor(target: DatabaseTarget): SqlRunner {
  let runner = runners.get(target.url);
  if (!runner) {
    if (target.kind === "sqlite") {
      const connection = new Database(target.file!, { fileMustExist: true, timeout: 10_000 });
      connection.pragma("synchronous = NORMAL");
      runner = sqliteRunner(async () => connection);
    } else {
      const pool = new pg.Pool({ connectionString: target.url, max: 2 });
      pool.on("error", () => undefined);
      runner = postgresRunner(pool, async () => undefined);
    }
    runners.set(target.url, runner);
  }
  return runner;
}

async function run(job: DeckJob): Promise<unknown> {
  if (job.kind === "preview") {
    const deck = generateDeck(job.text, { fallbackTitle: job.fallbackTitle });
    const { title, topics, cards, candidates, words, language, mode } = deck;
    const match = job.match ? await findImportMatch(runnerFor(job.match.target), job.match.userId, job.text, title, job.match.update) : null;
    // Serialised here: for thousands of cards, JSON and UTF-8 cost the request thread some 300 ms.
    return new TextEncoder().encode(JSON.stringify({ title, topics, cards, candidates, words, language, mode, notice: languageNotice(deck), text: job.text, match }));
  }
  return importDraft(runnerFor(job.target), job.ownerId, job.text, job.options, new Date(job.now));
}

/** An error a user can read (the generator's, or a domain error), as it crosses to the other thread. */
function refusal(error: unknown): DeckRefusal | null {
  if (error instanceof GeneratorError) return { kind: "GeneratorError", code: error.code, message: error.message };
  // by class, not error.name: a production build renames classes
  if (error instanceof NotFound) return { kind: "NotFound", code: error.code, message: error.message };
  if (error instanceof Conflict) return { kind: "Conflict", code: error.code, message: error.message };
  if (error instanceof Invalid) return { kind: "Invalid", code: error.code, message: error.message };
  return null;
}

parentPort!.on("message", async ({ id, job }: { id: number; job: DeckJob }) => {
  let reply: DeckReply;
  try {
    reply = { id, result: await run(job) };
  } catch (error) {
    const refused = refusal(error);
    const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
    reply = refused
      ? { id, refused }
      : { id, failed: { name: name ?? "Error", message: message ?? String(error), code: typeof code === "string" ? code : undefined } };
  }
  // A preview's bytes move to the other thread rather than being copied.
  parentPort!.postMessage(reply, "result" in reply && reply.result instanceof Uint8Array ? [reply.result.buffer as ArrayBuffer] : []);
});
