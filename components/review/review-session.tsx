"use client";

import { useMemo, useState } from "react";
import type { Rating } from "@/lib/scheduler/ratings";
import { answerLabels } from "./answer-labels";
import { CardEditor } from "./card-editor";
import { ChoiceOptions, ClozeText } from "./card-face";
import { GradeButtons } from "./grade-buttons";
import type { SessionPayload } from "./review-api";
import { reviewKeyAction } from "./review-keys";
import { suggestedRating } from "./review-queue";
import { SessionSummary } from "./session-summary";
import { useReviewKeys } from "./use-review-keys";
import { useReviewQueue } from "./use-review-queue";

export function ReviewSession({ initial, deck }: { initial: SessionPayload; deck?: string }) {
  const { session, card, clock, error, pending, tally, canUndo, grade, undo, suspend, applyEdit } = useReviewQueue(initial, deck);
  // Keyed by card id, so a new card always starts hidden with nothing picked.
  const [shown, setShown] = useState<{ cardId: string; picked: number | null } | null>(null);
  const [editing, setEditing] = useState(false);

  const revealed = shown !== null && shown.cardId === card?.id;
  // Computed as the answer shows, at the server's time then.
  const labels = useMemo(
    () => (card && revealed ? answerLabels(card.id, card.memory, session.scheduler, clock()) : null),
    [card, revealed, session.scheduler, clock],
  );
  const picked = revealed ? shown.picked : null;
  const suggested = suggestedRating(card, picked);
  const remaining = session.counts.new + session.counts.learning + session.counts.review;
  const progress = tally.reviewed + remaining === 0 ? 1 : tally.reviewed / (tally.reviewed + remaining);

  const reveal = (option: number | null = null) => card && setShown({ cardId: card.id, picked: option });
  const gradeShown = (rating: Rating) => {
    if (!card || !revealed) return;
    grade(rating, card.kind === "choice" && picked !== null ? card.options?.[picked] === card.answer : rating > 1);
  };
  const undoLast = () => undo(() => setShown(null));

  useReviewKeys((event) => {
    if (editing) return false;
    const action = reviewKeyAction(event.key, { hasCard: Boolean(card), revealed, optionCount: card?.kind === "choice" ? (card.options?.length ?? 0) : 0 });
    if (action?.type === "undo") undoLast();
    else if (action?.type === "reveal") reveal(action.option);
    else if (action?.type === "grade") gradeShown(action.rating === "suggested" ? suggested : action.rating);
    else if (action?.type === "edit") setEditing(true);
    return action !== null;
  });

  if (!card) {
    if (pending > 0) return <p className="muted" aria-live="polite">Saving your answer…</p>;
    return (
      <>
        {error && <p className="alert" role="alert">{error}</p>}
        <SessionSummary tally={tally} session={session} />
        {canUndo && (
          <button type="button" className="button quiet" onClick={undoLast}>
            <kbd>z</kbd> Undo last answer
          </button>
        )}
      </>
    );
  }

  const right = card.kind === "choice" && picked !== null ? card.options?.[picked] === card.answer : null;
  return (
    <div className="review stack">
      <div className="review-progress">
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div style={{ width: `${progress * 100}%` }} />
        </div>
        <div className="queue-counts" aria-label="Cards left">
          <span className="count-new" title="New">{session.counts.new} new</span>
          <span className="count-learning" title="Learning">{session.counts.learning} learning</span>
          <span className="count-review" title="Review">{session.counts.review} review</span>
        </div>
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      <article className="card review-card" data-testid="review-card" data-card-id={card.id} data-kind={card.kind}>
        <p className="muted small">{card.kind === "choice" ? "Choose the answer" : "Fill the gap"}</p>
        <p className="review-prompt" data-testid="prompt">
          {card.kind === "cloze" ? <ClozeText prompt={card.prompt} answer={card.answer} revealed={revealed} /> : card.prompt}
        </p>
        {card.kind === "choice" && <ChoiceOptions card={card} picked={picked} revealed={revealed} onPick={(i) => reveal(i)} />}
        {revealed && (
          <div className="review-source" data-testid="source">
            {right !== null && (
              <p className={right ? "verdict right" : "verdict wrong"} data-testid="verdict">
                {right ? "Right!" : `Not quite: the answer is ${card.answer}.`}
              </p>
            )}
            <p className="small muted">{card.topicTitle ? <>From “{card.topicTitle}”:</> : "From the document:"}</p>
            <blockquote>{card.source}</blockquote>
          </div>
        )}
      </article>
      {labels ? (
        <GradeButtons labels={labels} suggested={suggested} busy={false} onGrade={gradeShown} />
      ) : (
        <button type="button" className="button primary reveal" onClick={() => reveal()} data-testid="reveal">
          Show answer <kbd>Space</kbd>
        </button>
      )}
      <div className="row small review-tools">
        <button type="button" className="button quiet" onClick={undoLast} disabled={!canUndo && pending === 0}>
          <kbd>z</kbd> Undo
        </button>
        <button type="button" className="button quiet" onClick={() => setEditing(true)}>
          <kbd>e</kbd> Edit card
        </button>
        <button type="button" className="button quiet" onClick={suspend}>
          Suspend card
        </button>
        <span className="muted">Space shows the answer, then 1–4 grade it.</span>
      </div>
      {editing && <CardEditor card={card} onClose={() => setEditing(false)} onSaved={(saved) => { applyEdit(saved); setEditing(false); }} />}
    </div>
  );
}
