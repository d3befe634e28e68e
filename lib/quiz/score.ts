/** A quiz's score from its answered questions. */
export interface QuizScore {
  total: number;
  answered: number;
  correct: number;
  /** 0..1; unanswered questions count as missed. */
  score: number;
  /** Whole percent for display. */
  percent: number;
}

export function scoreQuiz(responses: ReadonlyArray<{ correct: boolean } | null>): QuizScore {
  const total = responses.length;
  const answered = responses.filter((r) => r !== null).length;
  const correct = responses.filter((r) => r?.correct).length;
  const score = total === 0 ? 0 : correct / total;
  return { total, answered, correct, score, percent: Math.round(score * 100) };
}

/** "45s", "3m 05s", "1h 02m". */
export function formatQuizDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
