"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { Rating } from "@/lib/scheduler/ratings";
import { CardEditor } from "./card-editor";
import { ChoiceOptions, ClozeText } from "./card-face";
import { GradeButtons } from "./grade-buttons";
import { RequestFailed, newRequestId, reviewApi, type SessionPayload } from "./review-api";
import { SessionSummary, type SessionTally } from "./session-summary";
import { useReviewKeys } from "./use-review-keys";

type Answered = { reviewLogId: string; cardId: string; correct: boolean };

/**
 * A grade asks the server for the rebuilt session only when the local queue is down to this
 * many cards; otherwise the next card comes from the queue the browser already holds, and
 * the server only grades (a session rebuild costs several times the grade itself).
 */
const REFILL_AT = 2;

/**
 * Keeps the card on screen first when fresher server data arrives, so nothing jumps under the user,
 * and leaves out cards answered since that data was built (their grade is still on its way).
 */
function withCurrentFirst(fresh: SessionPayload, currentId: string | undefined, answering?: ReadonlySet<string>): SessionPayload {
  const session = answering?.size ? { ...fresh, cards: fresh.cards.filter((card) => !answering.has(card.id)) } : fresh;
  if (!currentId || session.cards[0]?.id === currentId) return session;
  const index = session.cards.findIndex((card) => card.id === currentId);
  if (index < 0) return session;
  const cards = [session.cards[index], ...session.cards.filter((_, i) => i !== index)];
  return { ...session, cards };
}

export function ReviewSession({ initial, deck }: { initial: SessionPayload; deck?: string }) {
  const [session, setSession] = useState(initial);
  // Keyed by card id, so a new card always starts hidden with nothing picked.
  const [shown, setShown] = useState<{ cardId: string; picked: number | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [tally, setTally] = useState<SessionTally>({ reviewed: 0, correct: 0, startedAt: 0, lastAnswerAt: 0 });
  // A ref, not state: an undo pressed while the answer is still being saved must see it once saved.
  const answered = useRef<Answered[]>([]);
  const [canUndo, setCanUndo] = useState(false);
  const shownAt = useRef(0);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const currentId = useRef<string | undefined>(initial.cards[0]?.id);
  // Cards answered whose grade the server has not confirmed yet.
  const answering = useRef(new Set<string>());

  const card = session.cards[0];
  const revealed = shown !== null && shown.cardId === card?.id;
  const picked = revealed ? shown.picked : null;
  const remaining = session.counts.new + session.counts.learning + session.counts.review;
  const progress = tally.reviewed + remaining === 0 ? 1 : tally.reviewed / (tally.reviewed + remaining);

  useLayoutEffect(() => {
    currentId.current = card?.id;
    shownAt.current = Date.now();
  }, [card?.id]);

  /** Requests run one after another, in the order the user acted. */
  const enqueue = useCallback(<T,>(task: () => Promise<T>) => {
    setPending((n) => n + 1);
    const run = chain.current.then(task).finally(() => setPending((n) => n - 1));
    chain.current = run.catch(() => undefined);
    return run;
  }, []);

  const fail = useCallback((failure: unknown) => {
    setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Please try again.");
    reviewApi.session(deck).then((fresh) => setSession(withCurrentFirst(fresh, currentId.current, answering.current)), () => undefined);
  }, [deck]);

  const grade = useCallback(
    (rating: Rating) => {
      if (!card || !revealed) return;
      const graded = card;
      const correct = graded.kind === "choice" && picked !== null ? graded.options?.[picked] === graded.answer : rating > 1;
      const refill = session.cards.length - 1 <= REFILL_AT;
      const body = { cardId: graded.id, rating, clientRequestId: newRequestId(), durationMs: Date.now() - shownAt.current, session: refill };
      setError(null);
      const answeredAt = Date.now();
      setTally((t) => ({
        reviewed: t.reviewed + 1,
        correct: t.correct + (rating > 1 ? 1 : 0),
        startedAt: t.startedAt || shownAt.current,
        lastAnswerAt: answeredAt,
      }));
      // Show the next card at once and count it off; when the queue runs low, the server's
      // answer refreshes it (and corrects the counts) behind the card on screen.
      answering.current.add(graded.id);
      setSession((s) => ({ ...s, cards: s.cards.slice(1), counts: { ...s.counts, [graded.queue]: Math.max(0, s.counts[graded.queue] - 1) } }));
      enqueue(() => reviewApi.grade(body, deck))
        .then(({ result, session: fresh }) => {
          answering.current.delete(graded.id);
          answered.current.push({ reviewLogId: result.reviewLogId, cardId: graded.id, correct });
          setCanUndo(true);
          if (fresh) setSession(withCurrentFirst(fresh, currentId.current, answering.current));
        })
        .catch((failure) => {
          answering.current.delete(graded.id);
          setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - (rating > 1 ? 1 : 0) }));
          fail(failure);
        });
    },
    [card, revealed, picked, deck, enqueue, fail, session.cards.length],
  );

  const undo = useCallback(() => {
    enqueue(async () => {
      const last = answered.current.at(-1);
      if (!last) return;
      const { undo: outcome, session: fresh } = await reviewApi.undo(last.reviewLogId, deck);
      answered.current.pop();
      setCanUndo(answered.current.length > 0);
      // The card comes back exactly as it was before the answer: not yet revealed.
      if (outcome.undone) setShown(null);
      if (outcome.undone) setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - (last.correct ? 1 : 0) }));
      setSession(fresh);
    }).catch(fail);
  }, [deck, enqueue, fail]);

  const reveal = useCallback((option: number | null = null) => {
    if (card) setShown({ cardId: card.id, picked: option });
  }, [card]);

  const suggested: Rating = card?.kind === "choice" && picked !== null ? (card.options?.[picked] === card.answer ? 3 : 1) : 3;

  const suspend = useCallback(() => {
    if (!card) return;
    const id = card.id;
    setSession((s) => ({ ...s, cards: s.cards.slice(1) }));
    enqueue(async () => {
      await reviewApi.editCard(id, { suspended: true });
      setSession(withCurrentFirst(await reviewApi.session(deck), currentId.current, answering.current));
    }).catch(fail);
  }, [card, deck, enqueue, fail]);

  useReviewKeys((event) => {
    if (editing) return false;
    if (event.key === "z" || event.key === "Z") {
      undo();
      return true;
    }
    if (!card) return false;
    if (event.key === " " || event.key === "Enter") {
      if (!revealed) reveal();
      else grade(suggested);
      return true;
    }
    const digit = Number(event.key);
    if (!revealed && card.kind === "choice" && digit >= 1 && digit <= (card.options?.length ?? 0)) {
      reveal(digit - 1);
      return true;
    }
    if (revealed && digit >= 1 && digit <= 4) {
      grade(digit as Rating);
      return true;
    }
    if (event.key === "e") {
      setEditing(true);
      return true;
    }
    return false;
  });

  if (!card) {
    if (pending > 0) return <p className="muted" aria-live="polite">Saving your answer…</p>;
    return (
      <>
        {error && <p className="alert" role="alert">{error}</p>}
        <SessionSummary tally={tally} session={session} />
        {canUndo && (
          <button type="button" className="button quiet" onClick={undo}>
            <kbd>z</kbd> Undo last answer
          </button>
        )}
      </>
    );
  }

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
            {card.kind === "choice" && picked !== null && (
              <p className={card.options?.[picked] === card.answer ? "verdict right" : "verdict wrong"} data-testid="verdict">
                {card.options?.[picked] === card.answer ? "Right!" : `Not quite: the answer is ${card.answer}.`}
              </p>
            )}
            <p className="small muted">
              {card.topicTitle ? <>From “{card.topicTitle}”:</> : "From the document:"}
            </p>
            <blockquote>{card.source}</blockquote>
          </div>
        )}
      </article>
      {revealed ? (
        <GradeButtons card={card} suggested={suggested} busy={false} onGrade={grade} />
      ) : (
        <button type="button" className="button primary reveal" onClick={() => reveal()} data-testid="reveal">
          Show answer <kbd>Space</kbd>
        </button>
      )}
      <div className="row small review-tools">
        <button type="button" className="button quiet" onClick={undo} disabled={!canUndo && pending === 0}>
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
      {editing && (
        <CardEditor
          card={card}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setSession((s) => ({ ...s, cards: s.cards.map((c) => (c.id === saved.id ? { ...c, ...saved } : c)) }));
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}
