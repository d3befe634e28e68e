"use client";

import { useEffect, useRef } from "react";
import { normaliseAnswer } from "@/lib/quiz/check-answer";
import type { PublicQuestion } from "@/lib/quiz/types";
import { ClozeText } from "../review/card-face";

const TF = [
  { value: "true", label: "True", key: "T" },
  { value: "false", label: "False", key: "F" },
];

export type Feedback = NonNullable<PublicQuestion["answered"]> & { schedule?: "unchanged" | "lapse" | "reviewed" };

interface Props {
  question: PublicQuestion;
  /** The choice picked with the keyboard, not yet submitted. */
  selected: string | null;
  typed: string;
  onType: (text: string) => void;
  onSubmit: (answer: string) => void;
  pending: boolean;
}

/** One question, waiting for an answer. */
export function QuizQuestion({ question, selected, typed, onType, onSubmit, pending }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (question.type === "typed") input.current?.focus();
  }, [question.index, question.type]);

  if (question.type === "truefalse") {
    return (
      <div className="stack">
        <p className="quiz-kind">True or false? This statement is either exactly what the document says, or the same sentence with one number changed.</p>
        <blockquote className="quiz-statement" data-testid="statement">{question.prompt}</blockquote>
        <div className="tf-buttons">
          {TF.map((option, index) => (
            <button
              key={option.value}
              type="button"
              className={`choice${selected === option.value ? " selected" : ""}`}
              onClick={() => onSubmit(option.value)}
              disabled={pending}
              aria-pressed={selected === option.value}
              data-testid={`tf-${option.value}`}
            >
              <kbd>{option.key}</kbd>
              <kbd className="alt-key">{index + 1}</kbd>
              <span>{option.label}</span>
            </button>
          ))}
        </div>
      </div>
    );
  }

  const prompt = (
    <p className="review-prompt" data-testid="quiz-prompt">
      <ClozeText prompt={question.prompt} answer="" revealed={false} />
    </p>
  );

  if (question.type === "choice") {
    return (
      <div className="stack">
        <p className="quiz-kind">Choose the missing words.</p>
        {prompt}
        <ol className="choice-list">
          {(question.options ?? []).map((option, index) => (
            <li key={option}>
              <button
                type="button"
                className={`choice${selected === option ? " selected" : ""}`}
                onClick={() => onSubmit(option)}
                disabled={pending}
                aria-pressed={selected === option}
                data-testid="quiz-option"
              >
                <kbd>{index + 1}</kbd> <span>{option}</span>
              </button>
            </li>
          ))}
        </ol>
      </div>
    );
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(typed);
      }}
    >
      <p className="quiz-kind">Type the missing words.</p>
      {prompt}
      <div className="field">
        <label htmlFor="quiz-typed">Your answer</label>
        <input
          ref={input}
          id="quiz-typed"
          value={typed}
          onChange={(event) => onType(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          disabled={pending}
          data-testid="typed-answer"
        />
        <span className="hint">Case, punctuation and one small typo in a long word do not matter; numbers must be exact.</span>
      </div>
      <div className="row">
        <button type="submit" className="button primary" disabled={pending}>
          Check <kbd>Enter</kbd>
        </button>
        <button type="button" className="button quiet" disabled={pending} onClick={() => onSubmit("")}>
          I don&rsquo;t know
        </button>
      </div>
    </form>
  );
}

export function displayAnswer(type: PublicQuestion["type"], value: string): string {
  if (type === "truefalse") return value === "true" ? "True" : value === "false" ? "False" : value;
  return value.trim() === "" ? "(no answer)" : value;
}

/** The verdict after answering: what the user said, the right answer, and where it comes from. */
export function QuizFeedback({ question, feedback, onMarkRight, pending = false }: { question: PublicQuestion; feedback: Feedback; onMarkRight?: () => void; pending?: boolean }) {
  const canMarkRight = onMarkRight && question.type === "typed" && !feedback.correct && feedback.given.trim() !== "";
  return (
    <div className="stack quiz-feedback" data-testid="quiz-feedback">
      <p className={`verdict ${feedback.correct ? "right" : "wrong"}`} data-testid="verdict">
        {feedback.overridden ? "Counted as right" : feedback.correct ? "Correct" : "Not quite"}
      </p>
      {feedback.overridden && <p className="small muted">You said your answer means the same; it counts as right.</p>}
      {question.type === "truefalse" ? (
        <blockquote className="quiz-statement">{question.prompt}</blockquote>
      ) : (
        <p className="review-prompt">
          <ClozeText prompt={question.prompt} answer={feedback.answer} revealed />
        </p>
      )}
      <dl className="quiz-answers">
        <dt>Your answer</dt>
        <dd className={feedback.correct ? "right" : "wrong"} data-testid="your-answer">{displayAnswer(question.type, feedback.given)}</dd>
        {(!feedback.correct || feedback.overridden) && (
          <>
            <dt>{feedback.overridden ? "Expected" : "Right answer"}</dt>
            <dd className="right" data-testid="right-answer">{displayAnswer(question.type, feedback.answer)}</dd>
          </>
        )}
      </dl>
      {canMarkRight && (
        <p>
          <button type="button" className="button" onClick={onMarkRight} disabled={pending} data-testid="mark-right">
            I was right
          </button>{" "}
          <span className="small muted">if your answer says the same thing in other words.</span>
        </p>
      )}
      {question.type === "truefalse" && feedback.answer === "false" && normaliseAnswer(feedback.truth ?? "") !== normaliseAnswer(feedback.source) && (
        <p className="small">
          The document says: <strong>{feedback.truth}</strong>
        </p>
      )}
      <figure className="review-source">
        <figcaption className="small muted">{question.type === "truefalse" ? "The document says" : "From the document"}</figcaption>
        <blockquote data-testid="quiz-source">{feedback.source}</blockquote>
      </figure>
      {feedback.schedule === "lapse" && (
        <p className="small muted">This card was due for review today, so the miss counts as forgotten: it comes back soon.</p>
      )}
      {feedback.schedule === "reviewed" && <p className="small muted">This card was due today; this counts as its review.</p>}
    </div>
  );
}
