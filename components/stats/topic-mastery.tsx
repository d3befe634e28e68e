"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { topicRecallLabel, type TopicMastery } from "@/lib/stats/topics";
import { axisTick, colors, gridStroke, legendStyle, percent, tooltipProps } from "./chart-theme";

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Each topic's mean current recall and best recent quiz score, weakest first, with a link to quiz it. */
export function TopicMasteryChart({ topics }: { topics: TopicMastery[] }) {
  const severalDocuments = new Set(topics.map((t) => t.documentId)).size > 1;
  const data = topics.map((t) => ({ name: shorten(t.title, 20), title: t.title, recall: t.meanRecall, quiz: t.bestQuizScore, studied: t.studied, learning: t.learning, cards: t.cardCount }));
  return (
    <div data-testid="topic-mastery">
      <div className="chart">
        <ResponsiveContainer width="100%" height={Math.max(140, 34 * data.length + 50)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, left: 4, bottom: 0 }}>
            <CartesianGrid stroke={gridStroke} horizontal={false} />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => percent(v)} tick={axisTick} />
            <YAxis type="category" dataKey="name" width={112} tick={{ ...axisTick, fontSize: 11 }} interval={0} />
            <Tooltip
              {...tooltipProps}
              labelFormatter={(_, payload) => {
                const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
                return row ? `${row.title} (${row.studied} of ${row.cards} cards in review, ${row.learning} learning)` : "";
              }}
              formatter={(value, name) => [value === null || value === undefined ? "not yet" : percent(value as number), name]}
            />
            <Legend wrapperStyle={legendStyle} itemSorter={null} />
            <Bar dataKey="recall" name="Recall now" fill={colors.review} barSize={10} radius={[0, 3, 3, 0]} />
            <Bar dataKey="quiz" name="Best quiz (30 days)" fill={colors.quiz} barSize={10} radius={[0, 3, 3, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="topic-links">
        {topics.map((t) => (
          <li key={t.topicId}>
            <Link href={t.href} data-testid="topic-quiz-link">
              Quiz “{t.title}”
            </Link>
            <span className="muted small">
              {" "}
              {severalDocuments ? ` · ${t.documentTitle}` : ""} · <span data-testid="topic-recall">{topicRecallLabel(t)}</span>
              {t.bestQuizScore !== null ? ` · quiz ${percent(t.bestQuizScore)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
