"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { QuizAnswerResult, QuizView } from "@/lib/quiz";
import { useReviewKeys } from "../review/use-review-keys";
import { useAnnouncer } from "../ui/use-announcer";
import { QuizTitle } from "./quiz-title";
import { RequestFailed, newRequestId, quizApi } from "./quiz-api";
import { QuizFeedback, QuizQuestion, displayAnswer, type Feedback } from "./quiz-question";
import { QuizResults } from "./quiz-results";

const firstUnanswered = (quiz: QuizView) => {
  const index = quiz.questions.findIndex((q) => q.answered === null);
  return index < 0 ? quiz.questions.length : index;
};

/** Takes the user through a quiz one question at a time, then shows the results. */
export function QuizRunner({ initial }: { initial: QuizView }) {
  const [quiz, setQuiz] = useState(initial);
  const [index, setIndex] = useState(() => firstUnanswered(initial));
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(0);
  const requestId = useRef(newRequestId());
  const continueButton = useRef<HTMLButtonElement>(null);
  const { announce, region } = useAnnouncer();

  const question = quiz.questions[index];
  const total = quiz.questions.length;
  const isLast = index >= total - 1;

  useEffect(() => {
    shownAt.current = Date.now();
    requestId.current = newRequestId();
  }, [index]);

  useEffect(() => {
    if (feedback) continueButton.current?.focus();
  }, [feedback]);

  const finish = useCallback(async () => {
    setPending(true);
    setError(null);
    try {
      const { quiz: done } = await quizApi.finish(quiz.id);
      setQuiz(done);
      setFeedback(null);
      window.scrollTo({ top: 0 });
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "The quiz could not be finished. Please try again.");
    } finally {
      setPending(false);
    }
  }, [quiz.id]);

  /** A verdict from the server, on screen and in the quiz's counts. */
  const showResult = useCallback((result: QuizAnswerResult, type: QuizView["questions"][number]["type"]) => {
    const { given, correct, overridden, answer, truth, source } = result;
    const answered = { given, correct, overridden, answer, truth, source };
    setQuiz((q) => ({
      ...q,
      answeredCount: result.answeredCount,
      correctCount: result.correctCount,
      questions: q.questions.map((item) => (item.index === result.questionIndex ? { ...item, answered } : item)),
    }));
    setFeedback({ ...answered, schedule: result.schedule });
    announce(correct ? "Correct" : `Not quite: the answer is ${displayAnswer(type, answer)}`);
  }, [announce]);

  const submit = useCallback(
    async (answer: string) => {
      if (!question || feedback || pending) return;
      setPending(true);
      setError(null);
      try {
        const { result } = await quizApi.answer(quiz.id, {
          questionIndex: question.index,
          answer,
          clientRequestId: requestId.current,
          durationMs: Date.now() - shownAt.current,
        });
        showResult(result, question.type);
      } catch (failure) {
        setError(failure instanceof RequestFailed ? failure.message : "Your answer could not be sent. Please try again.");
      } finally {
        setPending(false);
      }
    },
    [question, feedback, pending, quiz.id, showResult],
  );

  /** "I was right": the typed answer marked wrong counts as right. */
  const markRight = useCallback(async () => {
    if (!question || pending) return;
    setPending(true);
    setError(null);
    try {
      showResult((await quizApi.override(quiz.id, question.index)).result, question.type);
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Could not change the verdict. Please try again.");
    } finally {
      setPending(false);
    }
  }, [question, pending, quiz.id, showResult]);

  const next = useCallback(() => {
    if (!feedback || pending) return;
    if (isLast) void finish();
    else {
      setFeedback(null);
      setSelected(null);
      setTyped("");
      setIndex((i) => i + 1);
    }
  }, [feedback, pending, isLast, finish]);

  useReviewKeys((event) => {
    if (quiz.status !== "ACTIVE" || !question) return false;
    if (event.key === "Enter") {
      if (feedback) next();
      else if (selected !== null) void submit(selected);
      else return false;
      return true;
    }
    if (feedback || pending) return false;
    const key = event.key.toLowerCase();
    if (question.type === "truefalse") {
      const value = key === "t" || key === "1" ? "true" : key === "f" || key === "2" ? "false" : null;
      if (!value) return false;
      setSelected(value);
      return true;
    }
    if (question.type === "choice") {
      const digit = Number(event.key);
      const options = question.options ?? [];
      if (!Number.isInteger(digit) || digit < 1 || digit > options.length) return false;
      setSelected(options[digit - 1]);
      return true;
    }
    return false;
  });

  if (quiz.status === "FINISHED") return <QuizResults quiz={quiz} />;

  const progress = total === 0 ? 0 : (quiz.answeredCount / total) * 100;
  return (
    <div className="quiz stack">
      {region}
      <header className="quiz-head">
        <QuizTitle quiz={quiz} heading="Quiz" />
        <div className="review-progress">
          <div className="row quiz-counts small">
            <span data-testid="quiz-position">
              Question {Math.min(index + 1, total)} of {total}
            </span>
            <span className="muted">{quiz.correctCount} correct so far</span>
          </div>
          <div className="progress" role="progressbar" aria-label="Questions answered" aria-valuemin={0} aria-valuemax={total} aria-valuenow={quiz.answeredCount}>
            <div style={{ width: `${progress}%` }} />
          </div>
        </div>
        {quiz.questionCount < quiz.requested && (
          <p className="small muted" data-testid="fewer-questions">
            You asked for {quiz.requested} questions; this topic has only {quiz.questionCount}.
          </p>
        )}
      </header>
      {error && <p className="alert" role="alert">{error}</p>}
      {question ? (
        <section className="card quiz-card" data-testid="quiz-question" data-type={question.type} data-index={question.index}>
          {feedback ? (
            <>
              <QuizFeedback question={question} feedback={feedback} onMarkRight={() => void markRight()} pending={pending} />
              <div className="row quiz-continue">
                <button ref={continueButton} type="button" className="button primary" onClick={next} disabled={pending} data-testid="quiz-continue">
                  {isLast ? "See results" : "Next question"} <kbd>Enter</kbd>
                </button>
              </div>
            </>
          ) : (
            <QuizQuestion question={question} selected={selected} typed={typed} onType={setTyped} onSubmit={submit} pending={pending} />
          )}
        </section>
      ) : (
        <section className="card stack">
          <p>Every question is answered.</p>
          <div className="row">
            <button type="button" className="button primary" onClick={() => void finish()} disabled={pending} data-testid="quiz-finish">
              See results
            </button>
          </div>
        </section>
      )}
      {!feedback && question && question.type !== "typed" && (
        <p className="small muted quiz-keys">
          {question.type === "truefalse" ? (
            <>
              Press <kbd>T</kbd> or <kbd>F</kbd> (or <kbd>1</kbd>/<kbd>2</kbd>), then <kbd>Enter</kbd>. Or click an answer.
            </>
          ) : (
            <>
              Press <kbd>1</kbd>–<kbd>{question.options?.length ?? 4}</kbd> to choose, then <kbd>Enter</kbd>. Or click an answer.
            </>
          )}
        </p>
      )}
    </div>
  );
}
