/**
 * How well a user knows a topic: the best of their recent quiz scores, and the
 * mean predicted recall of the topic's cards they have studied.
 */

/** Only the latest few quizzes count, so an old lucky score fades once newer ones come in. */
export const RECENT_QUIZZES = 5;

export interface TopicMastery {
  /** 0..1, or null before the first finished quiz. */
  bestRecentScore: number | null;
  /** 0..1 mean recall probability over studied cards, or null when none is studied. */
  meanRecall: number | null;
  studiedCards: number;
  quizzes: number;
}

export function topicMastery(input: {
  finished: ReadonlyArray<{ score: number; finishedAt: Date }>;
  /** Recall probability now of each of the topic's cards; null for a card not yet studied. */
  recalls: ReadonlyArray<number | null>;
}): TopicMastery {
  const recent = [...input.finished].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()).slice(0, RECENT_QUIZZES);
  const studied = input.recalls.filter((r): r is number => r !== null && Number.isFinite(r));
  return {
    bestRecentScore: recent.length ? Math.max(...recent.map((a) => a.score)) : null,
    meanRecall: studied.length ? studied.reduce((sum, r) => sum + r, 0) / studied.length : null,
    studiedCards: studied.length,
    quizzes: input.finished.length,
  };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "Best 80% · recall 72%", "No quiz yet · not reviewed yet". */
export function masteryLabel(mastery: TopicMastery): string {
  const best = mastery.bestRecentScore === null ? "No quiz yet" : `Best ${percent(mastery.bestRecentScore)}`;
  const recall = mastery.meanRecall === null ? "not reviewed yet" : `recall ${percent(mastery.meanRecall)}`;
  return `${best} · ${recall}`;
}
