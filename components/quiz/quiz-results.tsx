"use client";

import Link from "next/link";
import { useState } from "react";
import type { QuizView } from "@/lib/quiz";
import { formatQuizDuration } from "@/lib/quiz/score";
import { ClozeText } from "../review/card-face";
import { QuizTitle } from "./quiz-title";
import { RequestFailed, quizApi } from "./quiz-api";

function shown(type: string, value: string): string {
  if (type === "truefalse") return value === "true" ? "True" : value === "false" ? "False" : value;
  return value.trim() === "" ? "(no answer)" : value;
}

/** Score, time, every question with the user's answer and the right one, and what to do next. */
export function QuizResults({ quiz }: { quiz: QuizView }) {
  const [added, setAdded] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missed = quiz.questions.filter((q) => !q.answered?.correct).length;
  const percent = Math.round((quiz.score ?? 0) * 100);
  const time = quiz.finishedAt ? formatQuizDuration(new Date(quiz.finishedAt).getTime() - new Date(quiz.startedAt).getTime()) : "–";

  async function reviewMissed() {
    setBusy(true);
    setError(null);
    try {
      setAdded((await quizApi.reviewMissed(quiz.id)).added);
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="quiz stack" data-testid="quiz-results">
      <header className="card stack">
        <QuizTitle quiz={quiz} heading="Results" />
        <div className="summary-grid quiz-summary">
          <div>
            <strong data-testid="quiz-score">{percent}%</strong>
            <span className="muted small">score</span>
          </div>
          <div>
            <strong data-testid="quiz-correct">
              {quiz.correctCount}/{quiz.questionCount}
            </strong>
            <span className="muted small">correct</span>
          </div>
          <div>
            <strong data-testid="quiz-time">{time}</strong>
            <span className="muted small">time</span>
          </div>
        </div>
        {error && <p className="alert" role="alert">{error}</p>}
        {added !== null && (
          <p className="alert info" role="status" data-testid="missed-added">
            {added === 0 ? "Nothing to add: those cards are suspended." : `${added} ${added === 1 ? "card is" : "cards are"} now due in today's review.`}{" "}
            {added > 0 && <Link href={`/review?deck=${quiz.documentId}`}>Start reviewing</Link>}
          </p>
        )}
        <div className="row">
          {missed > 0 && added === null && (
            <button type="button" className="button primary" onClick={reviewMissed} disabled={busy} data-testid="review-missed">
              Review the ones you missed ({missed})
            </button>
          )}
          <Link className={`button${missed === 0 || added !== null ? " primary" : ""}`} href={`/documents/${quiz.documentId}#topics`} data-testid="back-to-topics">
            Back to topics
          </Link>
        </div>
      </header>
      <ol className="quiz-review-list">
        {quiz.questions.map((question) => {
          const answered = question.answered;
          return (
            <li key={question.index} className={`card quiz-review-item ${answered?.correct ? "right" : "wrong"}`} data-testid="result-item">
              <p className="small muted">
                {question.index + 1}. {question.type === "truefalse" ? "True or false" : question.type === "choice" ? "Multiple choice" : "Typed answer"}
                {" · "}
                <span className={`verdict ${answered?.correct ? "right" : "wrong"}`}>{answered ? (answered.correct ? "Correct" : "Missed") : "Not answered"}</span>
              </p>
              <p>
                {question.type === "truefalse" ? (
                  question.prompt
                ) : (
                  <ClozeText prompt={question.prompt} answer={answered?.answer ?? ""} revealed={Boolean(answered)} />
                )}
              </p>
              {answered && (
                <dl className="quiz-answers">
                  <dt>Your answer</dt>
                  <dd className={answered.correct ? "right" : "wrong"}>{shown(question.type, answered.given)}</dd>
                  {!answered.correct && (
                    <>
                      <dt>Right answer</dt>
                      <dd className="right">{shown(question.type, answered.answer)}</dd>
                    </>
                  )}
                </dl>
              )}
              {answered && (
                <blockquote className="quiz-source small">{answered.source}</blockquote>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
