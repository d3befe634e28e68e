import { SchedulerError, isValidDate } from "./errors";

/** ts-fsrs card states, stored as an Int in CardState.state. */
export const CardState = {
  New: 0,
  Learning: 1,
  Review: 2,
  Relearning: 3,
} as const;
export type CardStateValue = (typeof CardState)[keyof typeof CardState];

/**
 * What the scheduler remembers about one user's card: exactly the scheduling
 * columns of the CardState model (same names, same types), so the db layer can
 * spread it into a Prisma `data` object and read it back with `parseCardMemory`.
 */
export type CardMemory = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
};

/** The memory of a card never studied: new, due now. */
export function newCardMemory(now: Date): CardMemory {
  if (!isValidDate(now)) {
    throw new SchedulerError("INVALID_INPUT", "newCardMemory needs a valid `now` date.");
  }
  return {
    due: new Date(now.getTime()),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CardState.New,
    lastReview: null,
  };
}

export function isCardStateValue(value: unknown): value is CardStateValue {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** The row shape the database hands back (state is a plain Int there). */
export type CardMemoryRow = Omit<CardMemory, "state"> & { state: number };

const INTEGER_FIELDS = ["elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses"] as const;

/**
 * Reads the scheduling columns out of a CardState row (extra columns are
 * ignored) and checks them, so a corrupt row fails loudly here rather than as
 * NaN intervals later. Returns fresh Date objects.
 */
export function parseCardMemory(row: CardMemoryRow): CardMemory {
  const fail = (what: string): never => {
    throw new SchedulerError("INVALID_MEMORY", `Card memory is invalid: ${what}.`);
  };
  if (!isCardStateValue(row.state)) fail(`state must be 0-3, got ${String(row.state)}`);
  if (!isValidDate(row.due)) fail("due is not a valid date");
  if (row.lastReview !== null && !isValidDate(row.lastReview)) fail("lastReview is not a valid date");
  if (!Number.isFinite(row.stability) || row.stability < 0) fail("stability must be a number >= 0");
  if (!Number.isFinite(row.difficulty) || row.difficulty < 0) fail("difficulty must be a number >= 0");
  for (const field of INTEGER_FIELDS) {
    if (!Number.isInteger(row[field]) || row[field] < 0) fail(`${field} must be an integer >= 0`);
  }
  if (row.state !== CardState.New && row.lastReview === null) fail("a studied card needs lastReview");
  return {
    due: new Date(row.due.getTime()),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateValue,
    lastReview: row.lastReview === null ? null : new Date(row.lastReview.getTime()),
  };
}
