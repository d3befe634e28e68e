"use client";

import { useMemo, useState } from "react";
import { RatingName, type Rating } from "@/lib/scheduler/ratings";
import { useAnnouncer } from "../ui/use-announcer";
import { answerLabels } from "./answer-labels";
import { CardEditor } from "./card-editor";
import { ChoiceOptions, ClozeText } from "./card-face";
import { GradeButtons } from "./grade-buttons";
import { gradeAnnouncement, revealAnnouncement } from "./review-announcements";
import type { SessionPayload, SessionScope } from "./review-api";
import { reviewKeyAction } from "./review-keys";
import { CustomStudy, type StudyTopic } from "./custom-study";
import { sessionProgress, suggestedRating } from "./review-queue";
import { SessionSummary } from "./session-summary";
import { useReviewFocus } from "./use-review-focus";
import { useReviewKeys } from "./use-review-keys";
import { useReviewQueue } from "./use-review-queue";

const INSTRUCTION = { choice: "Choose the answer", cloze: "Fill the gap", basic: "Recall the answer" } as const;

export function ReviewSession({ initial, scope, topics }: { initial: SessionPayload; scope: SessionScope; topics: StudyTopic[] }) {
  const { session, card, clock, error, pending, tally, reload, canUndo, undoLabel, grade, undo, suspend, saveEdit } = useReviewQueue(initial, scope);
  const practice = scope.study?.kind === "topic" && !scope.study.reschedule;
  // Keyed by card id, so a new card always starts hidden with nothing picked.
  const [shown, setShown] = useState<{ cardId: string; picked: number | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const { announce, region } = useAnnouncer();

  const revealed = shown !== null && shown.cardId === card?.id;
  // Computed as the answer shows, at the server's time then.
  const labels = useMemo(
    () => (card && revealed ? answerLabels(card.id, card.memory, session.scheduler, clock()) : null),
    [card, revealed, session.scheduler, clock],
  );
  const picked = revealed ? shown.picked : null;
  const suggested = suggestedRating(card, picked);
  const progress = sessionProgress(tally, session.counts);

  const { cardRef, gradeRef, summaryRef, focusCard } = useReviewFocus(card?.id, revealed);

  const reveal = (option: number | null = null) => {
    if (!card) return;
    setShown({ cardId: card.id, picked: option });
    announce(revealAnnouncement(card.answer, card.kind === "choice" && option !== null ? card.options?.[option] === card.answer : null));
  };
  const gradeShown = (rating: Rating) => {
    if (!card || !labels) return;
    announce(practice ? RatingName[rating] : gradeAnnouncement(rating, labels[rating]));
    grade(rating, card.kind === "choice" && picked !== null ? card.options?.[picked] === card.answer : rating > 1);
  };
  const closeEditor = () => {
    setEditing(false);
    focusCard();
  };
  const undoLast = () =>
    undo(() => {
      setShown(null);
      announce("Answer taken back");
    });

  useReviewKeys((event) => {
    if (editing) return false;
    const action = reviewKeyAction(event.key, { hasCard: Boolean(card), revealed, optionCount: card?.kind === "choice" ? (card.options?.length ?? 0) : 0 });
    if (action?.type === "undo") undoLast();
    else if (action?.type === "reveal") reveal(action.option);
    else if (action?.type === "grade") gradeShown(action.rating === "suggested" ? suggested : action.rating);
    else if (action?.type === "edit") setEditing(true);
    return action !== null;
  });

  // Every branch starts with the live region, so it stays mounted (and heard) from card to summary.
  if (!card) {
    if (pending > 0)
      return (
        <>
          {region}
          <p className="muted">Saving your answer…</p>
        </>
      );
    return (
      <>
        {region}
        {error && <p className="alert" role="alert">{error}</p>}
        <SessionSummary tally={tally} session={session} custom={scope.study !== undefined} headingRef={summaryRef} />
        {canUndo && (
          <button type="button" className="button quiet" onClick={undoLast}>
            <kbd>z</kbd> {undoLabel}
          </button>
        )}
        <CustomStudy deck={scope.deck} topics={topics} custom={scope.study !== undefined} reload={reload} />
      </>
    );
  }

  const right = card.kind === "choice" && picked !== null ? card.options?.[picked] === card.answer : null;
  return (
    <>
    {region}
    <div className="review stack">
      <div className="review-progress">
        <div className="progress" role="progressbar" aria-label="Session progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div style={{ width: `${progress * 100}%` }} />
        </div>
        <div className="queue-counts" aria-label="Cards left">
          <span className="count-new" title="New">{session.counts.new} new</span>
          <span className="count-learning" title="Learning">{session.counts.learning} learning</span>
          <span className="count-review" title="Review">{session.counts.review} review</span>
        </div>
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      {practice && <p className="alert info small" data-testid="practice-note">Practice: your answers here leave your review schedule as it is.</p>}
      <article
        className="card review-card"
        data-testid="review-card"
        data-card-id={card.id}
        data-kind={card.kind}
        ref={cardRef}
        tabIndex={-1}
        aria-labelledby="review-card-kind review-card-prompt"
      >
        <p className="muted small" id="review-card-kind">{INSTRUCTION[card.kind]}</p>
        <p className="review-prompt" data-testid="prompt" id="review-card-prompt">
          {card.kind === "cloze" ? <ClozeText prompt={card.prompt} answer={card.answer} revealed={revealed} /> : card.prompt}
        </p>
        {card.kind === "basic" && revealed && (
          <p className="review-answer" data-testid="basic-answer">
            <mark className="cloze-answer">{card.answer}</mark>
          </p>
        )}
        {card.kind === "choice" && <ChoiceOptions card={card} picked={picked} revealed={revealed} onPick={(i) => reveal(i)} />}
        {revealed && (
          <div className="review-source" data-testid="source">
            {right !== null && (
              <p className={right ? "verdict right" : "verdict wrong"} data-testid="verdict">
                {right ? "Right!" : `Not quite: the answer is ${card.answer}.`}
              </p>
            )}
            {card.source && (
              <>
                <p className="small muted">{card.topicTitle ? <>From “{card.topicTitle}”:</> : "From the document:"}</p>
                <blockquote>{card.source}</blockquote>
              </>
            )}
          </div>
        )}
      </article>
      {labels ? (
        <GradeButtons labels={labels} suggested={suggested} busy={false} onGrade={gradeShown} showIntervals={!practice} suggestedRef={gradeRef} />
      ) : (
        <button type="button" className="button primary reveal" onClick={() => reveal()} data-testid="reveal">
          Show answer <kbd>Space</kbd>
        </button>
      )}
      <div className="row small review-tools">
        <button type="button" className="button quiet" onClick={undoLast} disabled={!canUndo && pending === 0} data-testid="undo">
          <kbd>z</kbd> {undoLabel}
        </button>
        <button type="button" className="button quiet" onClick={() => setEditing(true)}>
          <kbd>e</kbd> Edit card
        </button>
        <button type="button" className="button quiet" onClick={suspend}>
          Suspend card
        </button>
        <span className="muted keyboard-hint">
          Space shows the answer, then 1–4 grade it. <kbd>?</kbd> lists every key.
        </span>
      </div>
      {editing && <CardEditor card={card} onClose={closeEditor} save={(edit) => saveEdit(card.id, edit)} />}
    </div>
    </>
  );
}
