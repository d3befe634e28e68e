"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QUIZ_COUNTS, DEFAULT_QUIZ_COUNT } from "@/lib/validation/quiz";
import { RequestFailed, quizApi } from "./quiz-api";

export interface TopicRow {
  topicId: string | null;
  path: string | null;
  title: string;
  cardCount: number;
  mastery: string;
  open: { attemptId: string; answered: number; total: number } | null;
}

/** The document's topics, each with its mastery and a button to quiz it. */
export function TopicQuizList({ documentId, topics }: { documentId: string; topics: TopicRow[] }) {
  const router = useRouter();
  const [count, setCount] = useState<number>(DEFAULT_QUIZ_COUNT);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(key: string, task: () => Promise<void>) {
    setBusy(key);
    setError(null);
    try {
      await task();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Please try again.");
      setBusy(null);
    }
  }

  const start = (topic: TopicRow) =>
    run(topic.topicId ?? "all", async () => {
      const { quiz } = await quizApi.start({ documentId, topicId: topic.topicId, count });
      router.push(`/quiz/${quiz.id}`);
    });

  const discard = (topic: TopicRow, attemptId: string) =>
    run(topic.topicId ?? "all", async () => {
      await quizApi.discard(attemptId);
      router.refresh();
      setBusy(null);
    });

  return (
    <div className="stack">
      <fieldset className="quiz-count">
        <legend>Questions per quiz</legend>
        <div className="segmented">
          {QUIZ_COUNTS.map((n) => (
            <label key={n}>
              <input type="radio" name="quiz-count" value={n} checked={count === n} onChange={() => setCount(n)} data-testid={`count-${n}`} />
              <span>{n}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p className="alert" role="alert">{error}</p>}
      <ol className="topic-list">
        {topics.map((topic) => {
          const key = topic.topicId ?? "all";
          const label = topic.path ? `${topic.path} ${topic.title}` : topic.title;
          return (
            <li key={key} className={`topic-row${topic.topicId === null ? " all-topics" : ""}`} data-testid="topic" data-topic-id={topic.topicId ?? ""}>
              <div className="topic-main">
                <h3 className="topic-title">
                  {topic.path && <span className="topic-path">{topic.path}</span>} {topic.title}
                </h3>
                <p className="topic-meta small">
                  <span className="chip">{topic.cardCount === 0 ? "No cards" : `${topic.cardCount} ${topic.cardCount === 1 ? "card" : "cards"}`}</span>
                  {topic.cardCount > 0 && <span className="muted" data-testid="mastery">{topic.mastery}</span>}
                </p>
                {topic.cardCount === 0 ? (
                  <p className="small muted" data-testid="no-cards">No clear facts were found in this section, so there is nothing to quiz you on.</p>
                ) : (
                  !topic.open &&
                  topic.cardCount < count && (
                    <p className="small muted" data-testid="fewer-cards">This topic has only {topic.cardCount} {topic.cardCount === 1 ? "question" : "questions"}.</p>
                  )
                )}
              </div>
              <div className="topic-actions">
                {topic.open ? (
                  <>
                    <Link className="button primary" href={`/quiz/${topic.open.attemptId}`} data-testid="resume" aria-label={`Resume quiz on ${label}`}>
                      Resume ({topic.open.answered}/{topic.open.total})
                    </Link>
                    <button type="button" className="button quiet" onClick={() => discard(topic, topic.open!.attemptId)} disabled={busy !== null} data-testid="discard">
                      Discard
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button"
                    onClick={() => start(topic)}
                    disabled={topic.cardCount === 0 || busy !== null}
                    aria-label={`Quiz ${label}`}
                    data-testid="start-quiz"
                  >
                    {busy === key ? "Starting…" : "Quiz"}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
