"use client";

import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { Rating } from "@/lib/scheduler/ratings";
import { serverClock } from "./answer-labels";
import { RequestFailed, newRequestId, reviewApi, type SessionPayload } from "./review-api";
import { afterAnswer, withCurrentFirst, withEditedCard } from "./review-queue";
import type { SessionTally } from "./session-summary";

type Answered = { reviewLogId: string; cardId: string; correct: boolean };

/**
 * A grade asks the server for the rebuilt session only when the local queue is down to this
 * many cards; otherwise the next card comes from the queue the browser already holds, and
 * the server only grades (a session rebuild costs several times the grade itself).
 */
const REFILL_AT = 2;

/**
 * The review queue: the cards still to show, the answers sent to the server one after
 * another in the order the user gave them, and the stack of answers undo can take back.
 * The next card shows at once; the server's replies correct the queue behind it.
 */
export function useReviewQueue(initial: SessionPayload, deck?: string) {
  const [session, setSessionState] = useState(initial);
  // The server's time, as of the latest session it sent: the answer labels use it.
  const [clock, setClock] = useState(() => serverClock(initial.now, Date.now()));
  const setSession = useCallback((next: SessionPayload | ((s: SessionPayload) => SessionPayload)) => {
    if (typeof next !== "function") setClock(() => serverClock(next.now, Date.now()));
    setSessionState(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [tally, setTally] = useState<SessionTally>({ reviewed: 0, correct: 0, startedAt: 0, lastAnswerAt: 0 });
  const [canUndo, setCanUndo] = useState(false);
  // A ref, not state: an undo pressed while the answer is still being saved must see it once saved.
  const answered = useRef<Answered[]>([]);
  const shownAt = useRef(0);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const card = session.cards[0];
  const currentId = useRef<string | undefined>(card?.id);
  // Cards answered whose grade the server has not confirmed yet.
  const answering = useRef(new Set<string>());

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

  const refresh = useCallback((fresh: SessionPayload) => setSession(withCurrentFirst(fresh, currentId.current, answering.current)), [setSession]);

  const fail = useCallback(
    (failure: unknown) => {
      setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Please try again.");
      reviewApi.session(deck).then(refresh, () => undefined);
    },
    [deck, refresh],
  );

  /** Grades the card on screen; `correct` is what the session summary counts. */
  const grade = useCallback(
    (rating: Rating, correct: boolean) => {
      const graded = session.cards[0];
      if (!graded) return;
      const body = { cardId: graded.id, rating, clientRequestId: newRequestId(), durationMs: Date.now() - shownAt.current, session: session.cards.length - 1 <= REFILL_AT };
      const passed = rating > 1 ? 1 : 0;
      setError(null);
      const answeredAt = Date.now();
      setTally((t) => ({ reviewed: t.reviewed + 1, correct: t.correct + passed, startedAt: t.startedAt || shownAt.current, lastAnswerAt: answeredAt }));
      answering.current.add(graded.id);
      setSession(afterAnswer);
      enqueue(() => reviewApi.grade(body, deck))
        .then(({ result, session: fresh }) => {
          answering.current.delete(graded.id);
          answered.current.push({ reviewLogId: result.reviewLogId, cardId: graded.id, correct });
          setCanUndo(true);
          if (fresh) refresh(fresh);
        })
        .catch((failure) => {
          answering.current.delete(graded.id);
          setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - passed }));
          fail(failure);
        });
    },
    [session.cards, deck, enqueue, fail, refresh, setSession],
  );

  /** Takes back the latest answer; `onCardBack` runs as the card returns (in the same render). */
  const undo = useCallback(
    (onCardBack: () => void) => {
      enqueue(async () => {
        const last = answered.current.at(-1);
        if (!last) return;
        const { undo: outcome, session: fresh } = await reviewApi.undo(last.reviewLogId, deck);
        answered.current.pop();
        setCanUndo(answered.current.length > 0);
        if (outcome.undone) {
          onCardBack();
          setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - (last.correct ? 1 : 0) }));
        }
        setSession(fresh);
      }).catch(fail);
    },
    [deck, enqueue, fail, setSession],
  );

  const suspend = useCallback(() => {
    if (!card) return;
    const id = card.id;
    setSession((s) => ({ ...s, cards: s.cards.slice(1) }));
    enqueue(async () => {
      await reviewApi.editCard(id, { suspended: true });
      refresh(await reviewApi.session(deck));
    }).catch(fail);
  }, [card, deck, enqueue, fail, refresh, setSession]);

  const applyEdit = useCallback((saved: Parameters<typeof withEditedCard>[1]) => setSession((s) => withEditedCard(s, saved)), [setSession]);

  return { session, card, clock, error, pending, tally, canUndo, grade, undo, suspend, applyEdit };
}
