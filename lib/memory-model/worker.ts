/**
 * The memory-model worker, a child process: the FSRS optimizer (a native addon that holds its
 * thread while it copies its input, and aborts its whole process on input it refuses) and the
 * workload simulation run here, never in the server's process.
 * Messages in: { kind: "chunk", text } (the review history, in pieces), then
 * { kind: "optimise", input } or { kind: "simulate", input }. Messages out:
 * { kind: "progress", fraction, phase }, then { kind: "done", result } or { kind: "failed", message }.
 */
import { workloadCurve, type WorkloadInput } from "../scheduler/simulate-workload";
import { optimise, type OptimisationInput } from "./optimise";

export type WorkerRequest =
  | { kind: "chunk"; text: string }
  | { kind: "optimise"; input: Omit<OptimisationInput, "csv"> }
  | { kind: "simulate"; input: WorkloadInput };

const chunks: string[] = [];
const reply = (message: unknown) => process.send!(message);
// The server went away: so does its worker.
process.on("disconnect", () => process.exit(0));

process.on("message", (message: WorkerRequest) => {
  if (message.kind === "chunk") {
    chunks.push(message.text);
    return;
  }
  void run(message).then(
    (result) => reply({ kind: "done", result }),
    (error: unknown) => reply({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});

async function run(message: Exclude<WorkerRequest, { kind: "chunk" }>): Promise<unknown> {
  if (message.kind === "simulate") return workloadCurve(message.input);
  const binding = await import("@open-spaced-repetition/binding");
  const csv = chunks.join("");
  chunks.length = 0;
  return optimise(binding, { ...message.input, csv }, (fraction, phase) => reply({ kind: "progress", fraction, phase }));
}
