import {
  FSRS,
  GenSeedStrategyWithCardId,
  StrategyMode,
  default_w,
  fsrs,
  generatorParameters,
  type StepUnit,
} from "ts-fsrs";
import type { ExtraNewCards } from "./daily-limits";
import { SchedulerError } from "./errors";
import { validParameters } from "./fsrs-params";
import { parseSteps } from "./steps";
import { DEFAULT_DAY_START_HOUR, assertTimeZone } from "./study-day";

/** One user's scheduling preferences (User columns plus the step settings). */
export type SchedulerSettings = {
  /** Target probability of recall at the due date, 0.7-0.99 (User.desiredRetention). */
  desiredRetention: number;
  /** New cards introduced per study day (User.dailyNewLimit). */
  dailyNewLimit: number;
  /** Review cards answered per study day (User.dailyReviewLimit). */
  dailyReviewLimit: number;
  /** Learning steps for new cards, e.g. ["1m", "10m"]. */
  learningSteps: string[];
  /** Relearning steps after a lapse, e.g. ["10m"]. */
  relearningSteps: string[];
  /** The user's fitted FSRS weights; null means the FSRS-6 defaults (User.fsrsParams). */
  fsrsParams: number[] | null;
  /** IANA time zone, e.g. "America/New_York" (User.timeZone). */
  timeZone: string;
  /** The local hour a study day starts (Anki: 4). */
  dayStartHour: number;
};

export const defaultSettings: Readonly<SchedulerSettings> = Object.freeze({
  desiredRetention: 0.9,
  dailyNewLimit: 20,
  dailyReviewLimit: 200,
  learningSteps: ["1m", "10m"],
  relearningSteps: ["10m"],
  fsrsParams: null,
  timeZone: "UTC",
  dayStartHour: DEFAULT_DAY_START_HOUR,
});

/** The User columns the scheduler reads. */
export type UserSchedulingColumns = {
  timeZone: string;
  desiredRetention: number;
  dailyNewLimit: number;
  dailyReviewLimit: number;
  /** JSON array of numbers, or null. */
  fsrsParams: string | null;
  /** Steps as written, e.g. "1m 10m" (User.learningSteps, User.relearningSteps). */
  learningSteps: string;
  relearningSteps: string;
};

/** A user as studying needs them: their id and scheduling columns (the review loop, quizzes, stats). */
export type StudyUser = UserSchedulingColumns & ExtraNewCards & { id: string };

/** Builds (and checks) the scheduler settings from a User row. */
export function settingsFromUser(user: UserSchedulingColumns): SchedulerSettings {
  let fsrsParams: number[] | null = null;
  if (user.fsrsParams !== null && user.fsrsParams.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(user.fsrsParams);
    } catch {
      throw new SchedulerError("INVALID_SETTINGS", "The saved FSRS parameters are not valid JSON.");
    }
    if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === "number")) {
      throw new SchedulerError("INVALID_SETTINGS", "The saved FSRS parameters must be a list of numbers.");
    }
    fsrsParams = parsed;
  }
  const settings: SchedulerSettings = {
    ...defaultSettings,
    learningSteps: parseSteps(user.learningSteps, "learning"),
    relearningSteps: parseSteps(user.relearningSteps, "relearning"),
    timeZone: user.timeZone,
    desiredRetention: user.desiredRetention,
    dailyNewLimit: user.dailyNewLimit,
    dailyReviewLimit: user.dailyReviewLimit,
    fsrsParams,
  };
  assertValidSettings(settings);
  return settings;
}

/** Throws a SchedulerError naming the first setting that is out of range. */
export function assertValidSettings(settings: SchedulerSettings): void {
  const fail = (message: string): never => {
    throw new SchedulerError("INVALID_SETTINGS", message);
  };
  const r = settings.desiredRetention;
  if (!(Number.isFinite(r) && r >= 0.7 && r <= 0.99)) fail(`Desired retention must be between 0.70 and 0.99, got ${r}.`);
  for (const [name, value] of [
    ["daily new-card limit", settings.dailyNewLimit],
    ["daily review limit", settings.dailyReviewLimit],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) fail(`The ${name} must be a whole number >= 0, got ${value}.`);
  }
  parseSteps(settings.learningSteps.join(" "), "learning");
  parseSteps(settings.relearningSteps.join(" "), "relearning");
  if (settings.fsrsParams !== null) validParameters(settings.fsrsParams);
  assertTimeZone(settings.timeZone);
  if (!Number.isInteger(settings.dayStartHour) || settings.dayStartHour < 0 || settings.dayStartHour > 23) {
    fail(`The day start hour must be a whole hour 0-23, got ${settings.dayStartHour}.`);
  }
}

/** The Card field the seed strategy reads; "<cardId>:" so the seed is "<cardId>:<reps>". */
export const SEED_FIELD = "keypointSeedId";

const MAX_CACHED = 256;
const schedulers = new Map<string, FSRS>();

/**
 * The ts-fsrs scheduler for these settings, built once and cached (building
 * one is far slower than scheduling a card). Fuzz is on and seeded by card id
 * and repetition count, so the same card, time and rating give the same due.
 */
export function schedulerFor(settings: SchedulerSettings): FSRS {
  // The same settings object again (a replayed history grades thousands of answers with one):
  // its key, a JSON string of ~25 numbers, is not written again.
  const last = lastAsked;
  if (
    last &&
    last.settings === settings &&
    last.desiredRetention === settings.desiredRetention &&
    last.learningSteps === settings.learningSteps &&
    last.relearningSteps === settings.relearningSteps &&
    last.fsrsParams === settings.fsrsParams
  ) {
    return last.scheduler;
  }
  const scheduler = schedulerForKey(settings);
  lastAsked = { settings, ...pick(settings), scheduler };
  return scheduler;
}

const pick = ({ desiredRetention, learningSteps, relearningSteps, fsrsParams }: SchedulerSettings) => ({ desiredRetention, learningSteps, relearningSteps, fsrsParams });

let lastAsked: (ReturnType<typeof pick> & { settings: SchedulerSettings; scheduler: FSRS }) | null = null;

function schedulerForKey(settings: SchedulerSettings): FSRS {
  const key = JSON.stringify([
    settings.desiredRetention,
    settings.learningSteps,
    settings.relearningSteps,
    settings.fsrsParams,
  ]);
  const cached = schedulers.get(key);
  if (cached) return cached;
  assertValidSettings(settings);
  const scheduler = fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      w: settings.fsrsParams ?? default_w,
      enable_fuzz: true,
      enable_short_term: true,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
    }),
  ).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId(SEED_FIELD));
  if (schedulers.size >= MAX_CACHED) {
    const oldest = schedulers.keys().next().value;
    if (oldest !== undefined) schedulers.delete(oldest);
  }
  schedulers.set(key, scheduler);
  return scheduler;
}
