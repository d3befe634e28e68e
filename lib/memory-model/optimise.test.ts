import * as binding from "@open-spaced-repetition/binding";
import { describe, expect, it } from "vitest";
import { LEARNER_PARAMETERS, simulateLearner } from "../../bench/synthetic-learner";
import { DEFAULT_PARAMETERS } from "../scheduler/fsrs-params";
import { REVIEW_CSV_HEADER } from "../stats/csv";
import { default_w } from "ts-fsrs";
import { MAX_WORKERS, OffThreadStopped, WorkersBusy, optimiseOffThread, simulateOffThread } from "./off-thread";
import { MIN_REVIEWS, optimise } from "./optimise";
import { logLoss, predictions } from "./predictions";
import { cardHistories, parseReviewCsv } from "./review-history";

const now = new Date("2026-06-01T12:00:00Z");

/** The learner's answers as the review-history export writes them. */
function historyCsv(spec: { cards: number; days: number; newPerDay: number; seed: number }) {
  const { answers } = simulateLearner({ ...spec, now });
  const lines = answers.map((a) => `card-${a.card},${a.log.reviewedAt.getTime()},${a.log.rating},${a.log.prevState},${a.durationMs}`);
  return [REVIEW_CSV_HEADER.join(","), ...lines, ""].join("\r\n");
}

const rule = { timeZone: "UTC", dayStartHour: 4 };
const input = { ...rule, current: null, desiredRetention: 0.9, relearningSteps: 1 };

describe("optimising on a learner's history", () => {
  const csv = historyCsv({ cards: 500, days: 240, newPerDay: 6, seed: 5 });

  it("finds parameters that predict the learner's later reviews better than the defaults", async () => {
    const phases: string[] = [];
    const result = await optimise(binding, { ...input, csv }, (_, phase) => phases.push(phase));
    expect(result.reviewCount).toBeGreaterThanOrEqual(MIN_REVIEWS);
    expect(result.better).toBe(true);
    expect(result.metrics.optimised!.logLoss).toBeLessThan(result.metrics.defaults!.logLoss);
    expect(result.metrics.current).toEqual(result.metrics.defaults);
    expect(result.params).toHaveLength(21);
    expect(result.message).toMatch(/predict your recall better than the default parameters/);
    expect(result.calibration!.optimised.reduce((n, row) => n + row.count, 0)).toBe(result.reviewCount);
    expect(phases).toContain("Fitting parameters to your history");
    // Closer to the learner's own memory than the defaults, on the whole history.
    const histories = cardHistories(parseReviewCsv(csv), rule);
    expect(logLoss(predictions(result.params!, histories))!).toBeLessThan(logLoss(predictions(DEFAULT_PARAMETERS, histories))!);
    expect(logLoss(predictions(LEARNER_PARAMETERS, histories))!).toBeLessThan(logLoss(predictions(DEFAULT_PARAMETERS, histories))!);
    for (const step of [...result.steps!.learning, ...result.steps!.relearning]) expect(step).toMatch(/^\d+[mhd]$/);
  });

  it("keeps parameters that already predict as well (the new ones must beat them)", async () => {
    const first = await optimise(binding, { ...input, csv }, () => undefined);
    const again = await optimise(binding, { ...input, csv, current: first.params }, () => undefined);
    expect(again.metrics.current!.logLoss).toBeLessThan(again.metrics.defaults!.logLoss);
    if (!again.better) expect(again.message).toMatch(/do not predict your recall better than your current parameters/);
  });

  it("keeps the defaults for a learner with too few reviews, and says how many are needed", async () => {
    const small = historyCsv({ cards: 60, days: 40, newPerDay: 3, seed: 6 });
    const result = await optimise(binding, { ...input, csv: small }, () => undefined);
    expect(result.params).toBeNull();
    expect(result.better).toBe(false);
    expect(result.message).toBe(`Not enough reviews yet: ${result.reviewCount} of the 400 needed. Until then the current parameters stay.`);
  });

  it("runs in a worker process, reporting progress, and can be stopped", async () => {
    const pieces = async function* () {
      const lines = csv.split("\r\n");
      for (let i = 0; i < lines.length; i += 1000) yield lines.slice(i, i + 1000).join("\r\n") + (i + 1000 < lines.length ? "\r\n" : "");
    };
    const progress: number[] = [];
    const run = optimiseOffThread(pieces(), input, (fraction) => progress.push(fraction));
    const result = await run.result;
    expect(result.better).toBe(true);
    expect(progress.at(-1)).toBe(1);
    const stopped = optimiseOffThread(pieces(), input, () => undefined);
    await stopped.stop();
    await expect(stopped.result).rejects.toBeInstanceOf(OffThreadStopped);
  });
});

describe("worker processes", () => {
  it("run at most a few at once: a simulation beyond them is refused, and the slots come back", async () => {
    const input = { params: default_w, days: 30, seed: 1, cards: [], newCards: 50, dailyNewLimit: 5, dailyReviewLimit: 100, learningSteps: 2, relearningSteps: 1 };
    const runs = Array.from({ length: MAX_WORKERS }, () => simulateOffThread(input));
    expect(() => simulateOffThread(input)).toThrow(WorkersBusy);
    const curves = await Promise.all(runs.map((run) => run.result));
    expect(curves[0].points).toHaveLength(28);
    expect((await simulateOffThread(input).result).best).toBe(curves[0].best);
  });
});
