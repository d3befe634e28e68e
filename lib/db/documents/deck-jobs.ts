/**
 * Document work off the request thread: one worker thread (deck-worker.ts), started on first
 * use and kept, takes jobs in turn. Routes call these as they would the functions themselves.
 */
import { Worker } from "node:worker_threads";
import type { DatabaseTarget } from "../../config/database-url";
import { GeneratorError, type GeneratorErrorCode } from "../../generator";
import { targetOf, type Db } from "../runtime/client";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import type { ImportedDocument, ImportOptions } from "./import-document";

/** The user's decks a previewed text is compared with (import-match.ts). */
export type PreviewMatch = { target: DatabaseTarget; userId: string; update?: string };

export type DeckJob =
  | { kind: "preview"; text: string; fallbackTitle?: string; match?: PreviewMatch }
  | { kind: "import"; target: DatabaseTarget; ownerId: string; text: string; options: ImportOptions; now: number };

/** An error a user can read, sent back from the worker and thrown again here as what it was. */
export type DeckRefusal = { kind: "GeneratorError" | "Invalid" | "NotFound" | "Conflict"; code: string; message: string };

export type DeckReply =
  | { id: number; result: unknown }
  | { id: number; refused: DeckRefusal }
  | { id: number; failed: { name: string; message: string; code?: string } };

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * Under Next.js the worker is bundled with the app (Turbopack compiles `new Worker(new URL(…))`
 * entries, in `next build` and `next dev`); run from TypeScript sources (vitest, scripts) it
 * loads them through tsx.
 */
function startWorker(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./deck-worker.ts", import.meta.url));
  const entry = import.meta.url.replace(/deck-jobs\.ts$/, "deck-worker.ts");
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
}

function refusedError({ kind, code, message }: DeckRefusal): Error {
  if (kind === "GeneratorError") return new GeneratorError(code as GeneratorErrorCode, message);
  if (kind === "NotFound") return Object.assign(new NotFound(""), { message });
  return kind === "Conflict" ? new Conflict(message, code) : new Invalid(message, code);
}

const state = globalThis as unknown as { keypointDeckWorker?: { worker: Worker; pending: Map<number, Pending>; next: number } };

function deckWorker() {
  if (state.keypointDeckWorker) return state.keypointDeckWorker;
  const worker = startWorker();
  const pending = new Map<number, Pending>();
  const entry = { worker, pending, next: 0 };
  // The worker waits for jobs without keeping the process alive.
  worker.unref();
  worker.on("message", (reply: DeckReply) => {
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if ("result" in reply) job.resolve(reply.result);
    else if ("refused" in reply) job.reject(refusedError(reply.refused));
    else job.reject(Object.assign(new Error(reply.failed.message), { name: reply.failed.name, code: reply.failed.code }));
  });
  // A worker that failed (out of memory, a crash) fails its jobs; the next job starts a new one.
  const fail = (error: unknown) => {
    if (state.keypointDeckWorker === entry) state.keypointDeckWorker = undefined;
    for (const job of pending.values()) job.reject(error instanceof Error ? error : new Error(`The deck worker stopped (${String(error)}).`));
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The deck worker stopped (exit ${code}).`)));
  state.keypointDeckWorker = entry;
  return entry;
}

function runDeckJob<T>(job: DeckJob): Promise<T> {
  const { worker, pending } = deckWorker();
  const entry = state.keypointDeckWorker!;
  const id = ++entry.next;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    // While a job runs the worker keeps the process alive, so a script awaiting it does not exit early.
    worker.ref();
    worker.postMessage({ id, job });
  }).finally(() => {
    if (pending.size === 0) worker.unref();
  });
}

/**
 * The deck a document gives (generateDeck: title, topics, cards, the extra candidates, the word
 * count, its language and the notice for a document not in English), the text it was made from
 * and the user's deck it is a version of (`match`, null when none or not asked), generated on the
 * deck worker, as a UTF-8 JSON body. A document without a title of its own takes `fallbackTitle`
 * (an uploaded file's name).
 */
export function previewDeckInWorker(text: string, options: { fallbackTitle?: string; db?: Db; userId?: string; update?: string } = {}): Promise<Uint8Array> {
  const match = options.db && options.userId ? { target: targetOf(options.db), userId: options.userId, update: options.update } : undefined;
  return runDeckJob({ kind: "preview", text, fallbackTitle: options.fallbackTitle, match });
}

/** Generates and saves a user's document with the cards they kept, as they changed them (importDraft), on the deck worker. */
export function importDocument(db: Db, ownerId: string, text: string, options: ImportOptions = {}, now = new Date()): Promise<ImportedDocument> {
  return runDeckJob({ kind: "import", target: targetOf(db), ownerId, text, options, now: now.getTime() });
}
