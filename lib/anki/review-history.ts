/**
 * An Anki card's review log as Keypoint answers, and its memory recomputed from them: each
 * answer replayed through the scheduler with the user's FSRS parameters, so every log row
 * holds the memory before and after it, as one answered in Keypoint does. The card then
 * continues where Anki left it: its due date, suspension and burial come from the card.
 */
import {
  CardState,
  gradeCard,
  newCardMemory,
  unchangedLog,
  type CardMemory,
  type Rating,
  type ReviewLogFields,
  type SchedulerSettings,
} from "../scheduler";
import type { AnkiCardRow, RevlogRow } from "./collection";

/** Anki's review kinds (revlog.type). */
const Kind = { Learning: 0, Review: 1, Relearning: 2, Filtered: 3, Manual: 4, Rescheduled: 5 } as const;

const DAY_MS = 86_400_000;

export interface ImportedAnswer {
  /** `anki:<revlog id>` under the card's fingerprint: unique per user. */
  requestId: string;
  rating: Rating;
  reviewedAt: Date;
  durationMs: number;
  /** False for a filtered-deck preview that left the schedule alone (kept as practice). */
  reschedules: boolean;
}

/**
 * The answers of a log, oldest first. Manual changes (set due date, forget, reschedule) carry
 * no grade and are left out; so are entries with no answer button.
 */
export function importedAnswers(fingerprint: string, revlog: readonly RevlogRow[], threeButtonLearning: boolean): ImportedAnswer[] {
  const answers: ImportedAnswer[] = [];
  for (const entry of revlog) {
    if (entry.type === Kind.Manual || entry.type === Kind.Rescheduled || entry.ease < 1 || entry.ease > 4) continue;
    let rating = entry.ease as Rating;
    if (threeButtonLearning && (entry.type === Kind.Learning || entry.type === Kind.Relearning) && rating > 1) rating = (rating + 1) as Rating;
    answers.push({
      requestId: `${fingerprint}:${entry.id}`,
      rating,
      reviewedAt: new Date(entry.id),
      durationMs: Math.max(0, entry.time),
      reschedules: !(entry.type === Kind.Filtered && entry.factor === 0),
    });
  }
  return answers;
}

export interface ReplayedCard {
  /** One per answer, in order: the ReviewLog columns the scheduler decides. */
  logs: { answer: ImportedAnswer; log: ReviewLogFields }[];
  /** The card's state to store; null for a new card nobody needs a row for. */
  memory: CardMemory | null;
  suspended: boolean;
}

/** Where Anki has the card due, as a date; null for a new card. */
export function ankiDue(card: Pick<AnkiCardRow, "type" | "queue" | "due">, createdSeconds: number): Date | null {
  if (card.type === 0) return null;
  // Learning steps within a day: epoch seconds. Reviews and day-long learning steps: days since creation.
  if (card.queue === 1 || (card.type !== 2 && card.due > 1_000_000_000)) return new Date(card.due * 1000);
  return new Date(createdSeconds * 1000 + card.due * DAY_MS);
}

/** FSRS memory Anki stored on the card (cards.data {"s", "d"}), for a card whose log was lost. */
function storedMemory(data: string): { stability: number; difficulty: number } | null {
  try {
    const parsed = JSON.parse(data || "{}") as { s?: unknown; d?: unknown };
    return typeof parsed.s === "number" && typeof parsed.d === "number" && parsed.s > 0 ? { stability: parsed.s, difficulty: parsed.d } : null;
  } catch {
    return null;
  }
}

/** The card's memory from its Anki columns alone: a card studied in Anki whose review log is not in the package. */
function memoryWithoutHistory(card: AnkiCardRow, due: Date): CardMemory {
  const stored = storedMemory(card.data);
  const ivl = Math.max(card.ivl, 0);
  const lastReview = new Date(due.getTime() - ivl * DAY_MS);
  return {
    due,
    stability: stored?.stability ?? Math.max(ivl, 0.1),
    difficulty: stored?.difficulty ?? 5,
    elapsedDays: 0,
    scheduledDays: ivl,
    learningSteps: 0,
    reps: Math.max(card.reps, 1),
    lapses: Math.max(card.lapses, 0),
    state: (card.type === 2 ? CardState.Review : card.type === 3 ? CardState.Relearning : CardState.Learning) as CardMemory["state"],
    lastReview,
  };
}

/**
 * Replays the answers under `settings` (ids: the Keypoint card's, which seeds the scheduler's
 * fuzz). The final memory keeps the replayed stability and difficulty and takes Anki's due
 * date, so nothing comes due earlier or later than it would have in Anki.
 */
export function replayCard(cardId: string, card: AnkiCardRow, answers: readonly ImportedAnswer[], settings: SchedulerSettings, createdSeconds: number): ReplayedCard {
  const logs: ReplayedCard["logs"] = [];
  let memory: CardMemory | null = null;
  for (const answer of answers) {
    const before: CardMemory = memory ?? newCardMemory(answer.reviewedAt);
    if (answer.reschedules) {
      const graded = gradeCard({ cardId, memory: before, rating: answer.rating, now: answer.reviewedAt, settings });
      memory = graded.memory;
      logs.push({ answer, log: graded.log });
    } else {
      logs.push({ answer, log: unchangedLog(before, answer.rating, answer.reviewedAt, settings) });
      memory = before;
    }
  }
  const suspended = card.queue < 0;
  const due = ankiDue(card, createdSeconds);
  let final: CardMemory | null;
  if (due === null) {
    // New in Anki (never studied, or forgotten there): new here too.
    final = memory || suspended ? newCardMemory(memory?.lastReview ?? new Date(createdSeconds * 1000)) : null;
  } else if (!memory || memory.state === CardState.New) {
    final = memoryWithoutHistory(card, due);
  } else {
    const scheduledDays = card.type === 2 ? card.ivl : memory.scheduledDays;
    final = { ...memory, due, scheduledDays };
  }
  return { logs, memory: final, suspended };
}
