import type { TopicRow } from "./types";

export type TopicMastery = TopicRow & { href: string; started: boolean };

/**
 * Topics weakest first: by mean current recall of the studied cards (a topic
 * only quizzed ranks by its quiz score); topics not started come last. Each links
 * to the topic list of its document, where its quiz starts.
 */
export function topicMastery(rows: TopicRow[], limit = 12): TopicMastery[] {
  const strength = (row: TopicRow) => row.meanRecall ?? row.bestQuizScore ?? Infinity;
  return rows
    .map((row) => ({
      ...row,
      href: `/documents/${encodeURIComponent(row.documentId)}#topics`,
      started: row.studied > 0 || row.bestQuizScore !== null,
    }))
    .sort((a, b) => strength(a) - strength(b) || (a.bestQuizScore ?? 1) - (b.bestQuizScore ?? 1) || a.title.localeCompare(b.title))
    .slice(0, limit);
}
