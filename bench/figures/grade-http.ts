/**
 * Figure 2: the grade loop over HTTP. autocannon drives POST /api/review/grade
 * on `next start` with one connection per simulated user; every request carries
 * that user's cookie and grades the next of the user's own due cards with a new
 * clientRequestId, so every request does a real grade (none is a replay or a 409).
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type { DatabaseKind } from "../../lib/config/database-url";
import { log } from "../measure";
import { row, type Row } from "../report";
import type { Grader } from "../synthetic-data";

/**
 * The review screen holds 8 cards and asks for the session again when 2 are left
 * (components/review/review-session.tsx): one grade in 6 carries the session.
 */
export const SESSION_EVERY = 6;

export interface SignedInGrader extends Grader {
  cookie: string;
}

export interface LoadSizes {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  grades: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

type RequestFor = (grader: SignedInGrader) => { method: "GET" | "POST"; path: string; body?: string } | null;

/** One load test: a connection per grader, each sending what `requestFor` gives (null ends it). */
async function runLoad(urls: string[], pool: SignedInGrader[], sizes: LoadSizes, perConnection: number, requestFor: RequestFor): Promise<LoadResult> {
  let nextGrader = 0;
  const failures = new Map<string, number>();
  const result = await autocannon({
    url: urls.length === 1 ? urls[0] : urls,
    connections: pool.length,
    duration: sizes.durationSeconds,
    maxConnectionRequests: perConnection,
    timeout: 30,
    setupClient(client) {
      const grader = pool[nextGrader++ % pool.length];
      client.setRequests([
        {
          setupRequest(request) {
            const next = requestFor(grader);
            if (!next) return null;
            const headers = { cookie: grader.cookie, ...(next.body ? { "content-type": "application/json" } : {}) };
            return { ...request, ...next, headers };
          },
          onResponse(status, body) {
            if (status >= 300) {
              const key = `${status} ${body.slice(0, 120)}`;
              failures.set(key, (failures.get(key) ?? 0) + 1);
            }
          },
        },
      ]);
    },
  });
  for (const [key, count] of failures) log(`HTTP failure ×${count}: ${key}`);
  const ok = result["2xx"];
  return {
    grades: ok,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Grades with every request; `graders` must have at least `connections` users with unused due cards. */
export async function gradeLoad(urls: string[], graders: SignedInGrader[], sizes: LoadSizes): Promise<LoadResult> {
  const pool = graders.slice(0, sizes.connections);
  const perConnection = Math.min(...pool.map((g) => g.cardIds.length)) - 1;
  if (perConnection < 10) throw new Error("benchmark ran out of due cards for the HTTP load");
  return runLoad(urls, pool, sizes, perConnection, (grader) => {
    const cardId = grader.cardIds.pop();
    if (!cardId) return null;
    const rating = grader.cardIds.length % 10 === 0 ? 1 : 3;
    // As the review screen does: the session comes back with every SESSION_EVERY-th grade only.
    const session = grader.cardIds.length % SESSION_EVERY === 0;
    return { method: "POST", path: "/api/review/grade", body: JSON.stringify({ cardId, rating, clientRequestId: randomUUID(), durationMs: 2500, session }) };
  });
}

/**
 * The anchor of figure 2: the same server and signed-in users asking for their settings
 * (the session check and one row), what any signed-in request costs before its own work.
 */
export function signedInFloorLoad(urls: string[], graders: SignedInGrader[], sizes: LoadSizes): Promise<LoadResult> {
  return runLoad(urls, graders.slice(0, sizes.connections), sizes, 1_000_000, () => ({ method: "GET", path: "/api/settings" }));
}

/** The closed loop (one connection per user, each waiting for its answer): reported without a target since issue 18. */
export function loadRows(kind: DatabaseKind, label: string, size: string, result: LoadResult): Row[] {
  const note = result.failures ? `${result.failures} failed requests` : undefined;
  return [
    row({ figure: `2 grade over HTTP, closed loop, latency (${label})`, db: kind, size, unit: "ms", median: result.p50, p99: result.p99, note }),
    row({ figure: `2 grade over HTTP, closed loop, throughput (${label})`, db: kind, size: `${size}, ${result.grades} grades`, unit: "grades/s",
      median: result.perSecond, note }),
  ];
}

/** Grades/s ÷ signed-in floor requests/s, same server and users (issue 18). */
export const GRADE_COST_TARGET = 0.7;

/** Server CPU per answered request over a load: what the ratio of rates measures, without the machine's other work. */
export async function withServerCpu(cpuMs: () => number, load: () => Promise<LoadResult>): Promise<LoadResult & { cpuMsPerRequest: number }> {
  const before = cpuMs();
  const result = await load();
  return { ...result, cpuMsPerRequest: (cpuMs() - before) / Math.max(1, result.grades) };
}

export function floorRows(kind: DatabaseKind, size: string, floor: LoadResult & { cpuMsPerRequest: number }, grades: LoadResult & { cpuMsPerRequest: number }): Row[] {
  return [
    row({ figure: "2 anchor: GET /api/settings, same server and users", db: kind, size: `${size}, ${floor.grades} requests`, unit: "requests/s",
      median: floor.perSecond, p99: null, note: `p50 ${floor.p50} ms, p99 ${floor.p99} ms` }),
    row({ figure: "2 grade cost: grades/s ÷ anchor requests/s", db: kind, size, unit: "ratio", median: grades.perSecond / floor.perSecond,
      anchorRatio: grades.perSecond / floor.perSecond, target: `≥ ${GRADE_COST_TARGET.toFixed(2)}`, met: grades.perSecond / floor.perSecond >= GRADE_COST_TARGET }),
    row({ figure: "2 grade cost by server CPU: floor ms/request ÷ grade ms/request", db: kind, size, unit: "ratio",
      median: floor.cpuMsPerRequest / grades.cpuMsPerRequest, target: `≥ ${GRADE_COST_TARGET.toFixed(2)}`,
      met: floor.cpuMsPerRequest / grades.cpuMsPerRequest >= GRADE_COST_TARGET,
      note: `server CPU ${grades.cpuMsPerRequest.toFixed(2)} ms per grade, ${floor.cpuMsPerRequest.toFixed(2)} ms per floor request` }),
  ];
}
