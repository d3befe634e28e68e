/**
 * Figure 2, open loop: grades arrive at a fixed average rate (a Poisson process) from many
 * signed-in users, whether or not earlier ones were answered, as people reviewing at once
 * do. Each latency runs from the moment the grade was due to be sent, so time spent waiting
 * for a free connection counts (no coordinated omission). Same request mix as the closed
 * loop: one grade in SESSION_EVERY asks for the session.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { DatabaseKind } from "../../lib/config/database-url";
import { seededRandom } from "../../lib/quiz/random";
import { log, percentile } from "../measure";
import { row, type Row } from "../report";
import { SESSION_EVERY, type SignedInGrader } from "./grade-http";

export interface OpenLoopResult {
  rate: number;
  sent: number;
  p50: number;
  p99: number;
  errors: number;
}

/** A grade unanswered this long is an error; when the sending ends, stragglers get this long too. */
const ANSWER_WITHIN_MS = 10_000;

function post(agent: http.Agent, url: URL, cookie: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(
      { agent, host: url.hostname, port: url.port, path: "/api/review/grade", method: "POST",
        headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.setTimeout(ANSWER_WITHIN_MS, () => request.destroy());
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

/** `rate` grades per second for `seconds`, each from a random one of `graders` (who must have cards left). */
export async function openLoop(baseUrl: string, graders: SignedInGrader[], rate: number, seconds: number, seed = 1): Promise<OpenLoopResult> {
  const random = seededRandom(seed);
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1_000 });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let at = 0;
  for (;;) {
    at += (-Math.log(1 - random()) / rate) * 1000;
    if (at > seconds * 1000) break;
    const grader = graders[Math.floor(random() * graders.length)]!;
    const cardId = grader.cardIds.pop();
    if (!cardId) throw new Error("benchmark ran out of due cards for the open-loop load");
    const wait = start + at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const due = start + at;
    const body = JSON.stringify({ cardId, rating: 3, clientRequestId: randomUUID(), durationMs: 2500, session: grader.cardIds.length % SESSION_EVERY === 0 });
    inFlight.push(
      post(agent, url, grader.cookie, body).then((status) => {
        latencies.push(performance.now() - due);
        if (status < 200 || status >= 300) failures.set(status, (failures.get(status) ?? 0) + 1);
      }),
    );
  }
  // An overloaded server would take minutes to drain what it was sent; what is still unanswered
  // after ANSWER_WITHIN_MS counts as an error (and at an infinite latency).
  const drained = await Promise.race([Promise.all(inFlight).then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), ANSWER_WITHIN_MS))]);
  agent.destroy();
  const unanswered = drained ? 0 : inFlight.length - latencies.length;
  for (let i = 0; i < unanswered; i++) latencies.push(Infinity);
  if (unanswered) failures.set(-1, unanswered);
  for (const [status, count] of failures) log(`open loop at ${rate}/s: ×${count} ${status === 0 ? "connection errors" : status === -1 ? "unanswered" : `HTTP ${status}`}`);
  latencies.sort((a, b) => a - b);
  const errors = [...failures.values()].reduce((sum, count) => sum + count, 0);
  return { rate, sent: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

export const OPEN_LOOP_TARGET = "p50 ≤ 10 ms, p99 ≤ 50 ms, 0 errors";
const meets = (result: OpenLoopResult) => result.p50 <= 10 && result.p99 <= 50 && result.errors === 0;

/**
 * The highest rate that keeps p99 ≤ 50 ms without errors, starting from `first` (a run at the
 * figure's rate): up by a quarter while it holds, or down by a fifth until it does, each rate
 * held for `seconds`, as long as the cards last.
 */
const MAX_STEPS = 8;

export async function highestRate(baseUrl: string, graders: SignedInGrader[], first: OpenLoopResult, seconds: number): Promise<OpenLoopResult | null> {
  const holds = (result: OpenLoopResult) => result.p99 <= 50 && result.errors === 0;
  const cardsLeft = () => graders.reduce((sum, grader) => sum + grader.cardIds.length, 0);
  const up = holds(first);
  let best = up ? first : null;
  let rate = first.rate;
  for (let step = 0; step < MAX_STEPS; step++) {
    rate = Math.round(rate * (up ? 1.25 : 0.8));
    if (rate < 5 || cardsLeft() < rate * seconds * 2) break;
    const result = await openLoop(baseUrl, graders, rate, seconds, rate);
    log(`open loop ${rate}/s: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors`);
    if (holds(result) !== up) return up ? best : result;
    if (up) best = result;
  }
  return best;
}

export function openLoopRows(kind: DatabaseKind, label: string, users: number, seconds: number, result: OpenLoopResult, best: OpenLoopResult | null | undefined): Row[] {
  const note = result.errors ? `${result.errors} errors` : undefined;
  const size = `${result.rate}/s Poisson, ${users} users, ${seconds} s, ${result.sent} grades`;
  const rows = [
    row({ figure: `2 open loop, grade latency (${label})`, db: kind, size, unit: "ms", median: result.p50, p99: result.p99,
      target: OPEN_LOOP_TARGET, met: meets(result), note }),
  ];
  if (best !== undefined) {
    rows.push(row({ figure: `2 open loop, highest rate with p99 ≤ 50 ms (${label})`, db: kind, size: `${users} users, rates ×1.25 or ×0.8 from ${result.rate}/s, each held`,
      unit: "grades/s", median: best?.rate ?? null, p99: best?.p99 ?? null, note: best ? undefined : "none found (cards ran out or every rate tried was over)" }));
  }
  return rows;
}
