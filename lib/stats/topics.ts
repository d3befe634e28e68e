import type { TopicRow } from "./types";

export type TopicMastery = TopicRow & { href: string; started: boolean };

/**
 * How well a topic is known, for ranking: the mean recall of its cards in review, else its
 * best quiz score; a topic whose studied cards are all still in learning is not known yet (0);
 * one not started at all ranks after everything (Infinity).
 */
export function topicStrength(row: Pick<TopicRow, "meanRecall" | "bestQuizScore" | "learning">): number {
  return row.meanRecall ?? row.bestQuizScore ?? (row.learning > 0 ? 0 : Infinity);
}

/** "recall 72%", "recall 72% · 3 learning", "learning", "not started". */
export function topicRecallLabel(row: Pick<TopicRow, "meanRecall" | "learning" | "bestQuizScore">): string {
  const recall = row.meanRecall === null ? null : `recall ${Math.round(row.meanRecall * 100)}%`;
  if (row.learning > 0) return recall ? `${recall} · ${row.learning} learning` : "learning";
  return recall ?? (row.bestQuizScore !== null ? "not reviewed yet" : "not started");
}

/**
 * Topics weakest first: by mean current recall of the cards in review (a topic only
 * quizzed ranks by its quiz score, one only in learning as not known yet); topics not
 * started come last. Each links to the topic list of its document, where its quiz starts.
 */
export function topicMastery(rows: TopicRow[], limit = 12): TopicMastery[] {
  const strength = topicStrength;
  return rows
    .map((row) => ({
      ...row,
      href: `/documents/${encodeURIComponent(row.documentId)}#topics`,
      started: row.studied > 0 || row.learning > 0 || row.bestQuizScore !== null,
    }))
    .sort((a, b) => strength(a) - strength(b) || (a.bestQuizScore ?? 1) - (b.bestQuizScore ?? 1) || a.title.localeCompare(b.title))
    .slice(0, limit);
}
