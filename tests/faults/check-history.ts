// Checks stored review history against the scheduler: every card's CardState must equal
// replaying its REVIEW logs through gradeCard, and each log's "before" columns must equal
// the replayed state at that point (a log without its state change, or the reverse, shows).
import type { Db } from "../../lib/db/runtime/client";
import { gradeCard, newCardMemory, settingsFromUser, type CardMemory } from "../../lib/scheduler";

export interface HistoryProblem {
  userId: string;
  cardId: string;
  problem: string;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const sameTime = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());

function memoryDiff(expected: CardMemory, actual: CardMemory): string | null {
  const wrong: string[] = [];
  if (!sameTime(expected.due, actual.due)) wrong.push(`due ${actual.due.toISOString()} ≠ ${expected.due.toISOString()}`);
  if (!sameTime(expected.lastReview, actual.lastReview)) wrong.push("lastReview");
  if (!close(expected.stability, actual.stability)) wrong.push(`stability ${actual.stability} ≠ ${expected.stability}`);
  if (!close(expected.difficulty, actual.difficulty)) wrong.push(`difficulty ${actual.difficulty} ≠ ${expected.difficulty}`);
  for (const field of ["elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state"] as const) {
    if (expected[field] !== actual[field]) wrong.push(`${field} ${actual[field]} ≠ ${expected[field]}`);
  }
  return wrong.length ? wrong.join(", ") : null;
}

/** A quiz answer on a card that was not due leaves the schedule as it was: before = after. */
function leavesScheduleAlone(log: { mode: string; due: Date; prevDue: Date; state: number; prevState: number; stability: number; prevStability: number }): boolean {
  return log.mode === "QUIZ" && log.due.getTime() === log.prevDue.getTime() && log.state === log.prevState && log.stability === log.prevStability;
}

/**
 * Every (user, card) with logs (REVIEW, and QUIZ answers) or a CardState among `userIds`;
 * returns the problems found.
 */
export async function checkReviewHistory(db: Db, userIds: string[]): Promise<{ cards: number; logs: number; problems: HistoryProblem[] }> {
  const problems: HistoryProblem[] = [];
  let cards = 0;
  let logCount = 0;
  for (const userId of userIds) {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const settings = settingsFromUser(user);
    const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] });
    const states = await db.cardState.findMany({ where: { userId } });
    logCount += logs.length;
    const byCard = new Map<string, typeof logs>();
    for (const log of logs) byCard.set(log.cardId, [...(byCard.get(log.cardId) ?? []), log]);
    const stateByCard = new Map(states.map((state) => [state.cardId, state]));
    for (const cardId of new Set([...byCard.keys(), ...stateByCard.keys()])) {
      cards++;
      const cardLogs = byCard.get(cardId) ?? [];
      const changing = cardLogs.filter((log) => !leavesScheduleAlone(log));
      const state = stateByCard.get(cardId);
      const report = (problem: string) => problems.push({ userId, cardId, problem });
      if (!state) {
        if (changing.length) report(`${changing.length} schedule-changing logs but no CardState`);
        continue;
      }
      if (changing.length === 0) {
        report("a CardState but no log that made it");
        continue;
      }
      let memory = newCardMemory(cardLogs[0]!.reviewedAt);
      for (const [index, log] of cardLogs.entries()) {
        if (log.prevState !== memory.state || log.prevReps !== memory.reps || log.prevLapses !== memory.lapses || !close(log.prevStability, memory.stability)) {
          report(`${log.mode} log ${index + 1}/${cardLogs.length} starts from a state the replay does not reach`);
        }
        if (leavesScheduleAlone(log)) continue;
        memory = gradeCard({ cardId, memory, rating: log.rating, now: log.reviewedAt, settings }).memory;
        if (log.state !== memory.state || !sameTime(log.due, memory.due)) report(`${log.mode} log ${index + 1} records a result the replay does not give`);
      }
      const diff = memoryDiff(memory, { ...state, state: state.state as CardMemory["state"] });
      if (diff) report(`CardState differs from the replay: ${diff}`);
      if (state.version !== changing.length - 1) report(`CardState version ${state.version} after ${changing.length} schedule changes`);
    }
  }
  return { cards, logs: logCount, problems };
}

/** Each quiz attempt's stored answers and its QUIZ logs match one to one, with the right tally. */
export async function checkQuizAttempts(db: Db, userIds: string[]): Promise<{ attempts: number; answers: number; problems: string[] }> {
  const problems: string[] = [];
  let answers = 0;
  const attempts = await db.quizAttempt.findMany({ where: { userId: { in: userIds } } });
  for (const attempt of attempts) {
    const stored = JSON.parse(attempt.questions) as { questions: { cardId: string; response: { correct: boolean; reviewLogId: string } | null }[] };
    const responses = stored.questions.filter((q) => q.response);
    const logs = await db.reviewLog.findMany({ where: { quizAttemptId: attempt.id } });
    answers += logs.length;
    const byId = new Map(logs.map((log) => [log.id, log]));
    if (logs.length !== responses.length) problems.push(`attempt ${attempt.id}: ${responses.length} stored answers, ${logs.length} logs`);
    for (const question of responses) {
      const log = byId.get(question.response!.reviewLogId);
      if (!log || log.mode !== "QUIZ" || log.cardId !== question.cardId || log.correct !== question.response!.correct) {
        problems.push(`attempt ${attempt.id}: answer for ${question.cardId} has no matching log`);
      }
    }
    const correct = responses.filter((q) => q.response!.correct).length;
    if (attempt.correctCount !== correct) problems.push(`attempt ${attempt.id}: correctCount ${attempt.correctCount}, answers say ${correct}`);
  }
  return { attempts: attempts.length, answers, problems };
}
