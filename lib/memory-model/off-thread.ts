/**
 * Runs the memory model's heavy work in a worker process (worker.ts): the server only passes
 * the history along in pieces and hears back progress and the result. A process rather than a
 * thread, because the optimizer aborts the process it runs in when it meets input it refuses:
 * that ends the worker, never the server. A run can be stopped at any moment by ending its
 * worker: nothing it computed is kept.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { WorkloadInput, WorkloadPoint } from "../scheduler/simulate-workload";
import type { OptimisationInput, OptimisationResult } from "./optimise";
import type { WorkerRequest } from "./worker";

/** The worker's files, found from the app's folder: `next start`, vitest and the benchmarks all run there. */
function workerFiles() {
  const folder = path.join(process.cwd(), "lib", "memory-model");
  return { boot: path.join(folder, "worker-boot.mjs"), entry: path.join(folder, "worker.ts") };
}

export interface OffThreadRun<T> {
  result: Promise<T>;
  /** Ends the worker; `result` then rejects with OffThreadStopped. */
  stop(): Promise<void>;
}

export class OffThreadStopped extends Error {
  constructor() {
    super("The run was stopped.");
  }
}

/** Every worker slot is taken: a simulation is refused rather than queued (an optimisation waits). */
export class WorkersBusy extends Error {
  constructor() {
    super("Keypoint is busy with other simulations. Try again in a moment.");
  }
}

/**
 * Worker processes this server runs at once (an optimisation of a large history takes about a
 * gigabyte): optimisations wait for a slot, simulations are refused when none is free.
 */
export const MAX_WORKERS = 3;
let workers = 0;
const waiting: (() => void)[] = [];

function takeSlot(): boolean {
  if (workers >= MAX_WORKERS) return false;
  workers++;
  return true;
}

function freeSlot(): void {
  workers--;
  const next = waiting.shift();
  if (next && takeSlot()) next();
  else if (next) waiting.unshift(next);
}

const slot = (): Promise<void> => (takeSlot() ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve)));

type WorkerReply = { kind: "progress"; fraction: number; phase: string } | { kind: "done"; result: unknown } | { kind: "failed"; message: string };

/** `post` sends a request to the worker; false once the run is stopped (stop sending). */
type Post = (request: WorkerRequest) => boolean;

/** Starts a worker in a slot already taken; the slot is freed when the worker ends. */
function start<T>(send: (post: Post) => Promise<void>, onProgress?: (fraction: number, phase: string) => void): OffThreadRun<T> {
  const { boot, entry } = workerFiles();
  // No inherited --inspect or loader flags; structured clone for the messages. Called through
  // Reflect so the bundler does not try to bundle the worker: it runs from the app's folder.
  const worker: ChildProcess = Reflect.apply(fork, undefined, [boot, [entry], { execArgv: [], serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] }]);
  let stopped = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "progress") onProgress?.(reply.fraction, reply.phase);
      else if (reply.kind === "done") resolve(reply.result as T);
      else reject(new Error(reply.message));
    });
    worker.on("error", reject);
    worker.on("exit", (code, signal) =>
      reject(stopped ? new OffThreadStopped() : new Error(`The optimizer stopped unexpectedly (${signal ?? `exit code ${code}`}). Nothing was changed; try again.`)),
    );
    send((request) => {
      if (stopped || !worker.connected) return false;
      worker.send(request);
      return true;
    }).catch(reject);
  }).finally(() => end());
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  void exited.then(freeSlot);
  function end() {
    if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
    return exited;
  }
  return {
    result,
    async stop() {
      stopped = true;
      await end();
    },
  };
}

/** Optimises on a history read in pieces (`chunks`, the CSV export), off the request thread. */
export function optimiseOffThread(
  chunks: AsyncIterable<string>,
  input: Omit<OptimisationInput, "csv">,
  onProgress: (fraction: number, phase: string) => void,
): OffThreadRun<OptimisationResult> {
  let stopped = false;
  let run: OffThreadRun<OptimisationResult> | null = null;
  const result = (async () => {
    if (!takeSlot()) {
      onProgress(0, "Waiting for the optimizer to be free");
      await slot();
    }
    if (stopped) {
      freeSlot();
      throw new OffThreadStopped();
    }
    run = start<OptimisationResult>(async (post) => {
      for await (const text of chunks) if (!post({ kind: "chunk", text })) return;
      post({ kind: "optimise", input });
    }, onProgress);
    return run.result;
  })();
  return {
    result,
    async stop() {
      stopped = true;
      await run?.stop();
    },
  };
}

/** The workload curve (simulate-workload.ts), off the request thread. */
export function simulateOffThread(input: WorkloadInput): OffThreadRun<{ points: WorkloadPoint[]; best: number | null }> {
  if (!takeSlot()) throw new WorkersBusy();
  return start(async (post) => void post({ kind: "simulate", input }));
}
