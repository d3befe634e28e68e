/**
 * How well a user knows a topic: the best of their recent quiz scores, and the mean
 * predicted recall of the topic's cards that are in review with an interval of a day or
 * more. A card still in learning (or relearning after a lapse) was seen minutes ago, so its
 * predicted recall is near 100% whatever the user knows: it is counted as "learning" instead.
 */
import { CardState, type CardStateValue } from "../scheduler/memory";

/** Only the latest few quizzes count, so an old lucky score fades once newer ones come in. */
export const RECENT_QUIZZES = 5;

export interface TopicMastery {
  /** 0..1, or null before the first finished quiz. */
  bestRecentScore: number | null;
  /** 0..1 mean recall probability over the cards in review (interval ≥ 1 day), or null when there are none. */
  meanRecall: number | null;
  /** Cards the recall is the mean of. */
  studiedCards: number;
  /** Cards studied but still in learning or relearning (or in review at an interval under a day). */
  learningCards: number;
  quizzes: number;
}

/** A topic card as mastery sees it: its scheduling state (null: never studied), interval and recall now. */
export interface MasteryCard {
  state: CardStateValue | null;
  intervalDays: number;
  recall: number | null;
}

/** Does this card's predicted recall say something about what the user remembers? */
export function countsForRecall(card: Pick<MasteryCard, "state" | "intervalDays">): boolean {
  return card.state === CardState.Review && card.intervalDays >= 1;
}

export function topicMastery(input: {
  finished: ReadonlyArray<{ score: number; finishedAt: Date }>;
  cards: ReadonlyArray<MasteryCard>;
}): TopicMastery {
  const recent = [...input.finished].sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()).slice(0, RECENT_QUIZZES);
  const studied = input.cards.filter((card) => card.state !== null && card.state !== CardState.New);
  const recalls = studied.filter(countsForRecall).flatMap((card) => (card.recall !== null && Number.isFinite(card.recall) ? [card.recall] : []));
  return {
    bestRecentScore: recent.length ? Math.max(...recent.map((a) => a.score)) : null,
    meanRecall: recalls.length ? recalls.reduce((sum, r) => sum + r, 0) / recalls.length : null,
    studiedCards: recalls.length,
    learningCards: studied.length - recalls.length,
    quizzes: input.finished.length,
  };
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "Best 80% · recall 72%", "No quiz yet · recall 90% · 3 learning", "No quiz yet · learning", "No quiz yet · not reviewed yet". */
export function masteryLabel(mastery: TopicMastery): string {
  const best = mastery.bestRecentScore === null ? "No quiz yet" : `Best ${percent(mastery.bestRecentScore)}`;
  const recall = mastery.meanRecall === null ? null : `recall ${percent(mastery.meanRecall)}`;
  const learning = mastery.learningCards === 0 ? null : recall ? `${mastery.learningCards} learning` : "learning";
  const parts = recall || learning ? [recall, learning].filter(Boolean) : ["not reviewed yet"];
  return [best, ...parts].join(" · ");
}
