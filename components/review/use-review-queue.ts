"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Rating } from "@/lib/scheduler/ratings";
import { serverClock } from "./answer-labels";
import { RequestFailed, newRequestId, reviewApi, type CardEditBody, type SessionPayload, type SessionScope } from "./review-api";
import { afterAnswer, emptyTally, restoredTally, storedTally, tallyKey, undoLabel, withCardBack, withCurrentFirst, withEditedCard, type ReviewAction, type SessionTally } from "./review-queue";

/**
 * A grade asks the server for the rebuilt session only when the local queue is down to this
 * many cards; otherwise the next card comes from the queue the browser already holds, and
 * the server only grades (a session rebuild costs several times the grade itself).
 */
const REFILL_AT = 2;

/**
 * The review queue: the cards still to show, the requests sent to the server one after
 * another in the order the user acted, and the stack of actions (answers, suspensions,
 * edits) undo takes back, newest first. The next card shows at once; the server's replies
 * correct the queue behind it. A complete session (a topic studied again) holds every card
 * it will show and never asks the server for more.
 */
export function useReviewQueue(initial: SessionPayload, scope: SessionScope = {}) {
  const [session, setSessionState] = useState(initial);
  // The server's time, as of the latest session it sent: the answer labels use it.
  const [clock, setClock] = useState(() => serverClock(initial.now, Date.now()));
  const setSession = useCallback((next: SessionPayload | ((s: SessionPayload) => SessionPayload)) => {
    if (typeof next !== "function") setClock(() => serverClock(next.now, Date.now()));
    setSessionState(next);
  }, []);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const [tally, setTally] = useState<SessionTally>(emptyTally);
  const tallyRestored = useRef(false);
  // A ref, not state: an undo pressed while an action is still being saved must see it once saved.
  const actions = useRef<ReviewAction[]>([]);
  const [lastAction, setLastAction] = useState<ReviewAction | undefined>(undefined);
  const shownAt = useRef(0);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const card = session.cards[0];
  const currentId = useRef<string | undefined>(card?.id);
  // Cards answered whose grade the server has not confirmed yet.
  const answering = useRef(new Set<string>());
  const complete = Boolean(initial.complete);

  useLayoutEffect(() => {
    currentId.current = card?.id;
    shownAt.current = Date.now();
  }, [card?.id]);

  const record = useCallback((change: (stack: ReviewAction[]) => void) => {
    change(actions.current);
    setLastAction(actions.current.at(-1));
  }, []);

  // Today's progress survives a reload: the tally is kept in this tab for the study day.
  useEffect(() => {
    if (!tallyRestored.current) {
      tallyRestored.current = true;
      setTally(restoredTally(sessionStorage.getItem(tallyKey(scope)), initial.dayStart));
      return;
    }
    sessionStorage.setItem(tallyKey(scope), storedTally(tally, initial.dayStart));
  }, [tally, scope, initial.dayStart]);

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
      if (!complete) reviewApi.session(scope).then(refresh, () => undefined);
    },
    [complete, scope, refresh],
  );

  /** Grades the card on screen; `correct` is what the session summary counts. */
  const grade = useCallback(
    (rating: Rating, correct: boolean) => {
      const graded = session.cards[0];
      if (!graded) return;
      const withSession = !complete && session.cards.length - 1 <= REFILL_AT;
      const body = { cardId: graded.id, rating, clientRequestId: newRequestId(), durationMs: Date.now() - shownAt.current, session: withSession };
      const passed = rating > 1 ? 1 : 0;
      setError(null);
      const answeredAt = Date.now();
      setTally((t) => ({ reviewed: t.reviewed + 1, correct: t.correct + passed, startedAt: t.startedAt || shownAt.current, lastAnswerAt: answeredAt }));
      answering.current.add(graded.id);
      setSession((s) => afterAnswer(s, rating, clock()));
      enqueue(() => reviewApi.grade(body, scope))
        .then(({ result, session: fresh }) => {
          answering.current.delete(graded.id);
          record((stack) => stack.push({ kind: "grade", reviewLogId: result.reviewLogId, card: graded, correct }));
          if (fresh) refresh(fresh);
        })
        .catch((failure) => {
          answering.current.delete(graded.id);
          setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - passed }));
          fail(failure);
        });
    },
    [session.cards, complete, scope, enqueue, fail, refresh, record, setSession, clock],
  );

  /** Takes back the latest action; `onCardBack` runs as a card returns to the screen (in the same render). */
  const undo = useCallback(
    (onCardBack: () => void) => {
      enqueue(async () => {
        const last = actions.current.at(-1);
        if (!last) return;
        if (last.kind === "grade") {
          const { undo: outcome, session: fresh } = await reviewApi.undo(last.reviewLogId, scope);
          if (outcome.undone) {
            onCardBack();
            setTally((t) => ({ ...t, reviewed: t.reviewed - 1, correct: t.correct - (last.correct ? 1 : 0) }));
          }
          setSession((current) => (complete ? (outcome.undone ? withCardBack(current, last.card) : current) : fresh));
        } else if (last.kind === "suspend") {
          await reviewApi.editCard(last.card.id, { suspended: false });
          onCardBack();
          setSession((current) => withCardBack(current, last.card));
        } else {
          const { card: restored } = await reviewApi.editCard(last.cardId, last.before);
          setSession((current) => withEditedCard(current, restored));
        }
        record((stack) => stack.pop());
      }).catch(fail);
    },
    [complete, scope, enqueue, fail, record, setSession],
  );

  const suspend = useCallback(() => {
    if (!card) return;
    const suspended = card;
    setSession((s) => ({ ...s, cards: s.cards.slice(1) }));
    enqueue(async () => {
      await reviewApi.editCard(suspended.id, { suspended: true });
      record((stack) => stack.push({ kind: "suspend", card: suspended }));
      if (!complete) refresh(await reviewApi.session(scope));
    }).catch(fail);
  }, [card, complete, scope, enqueue, fail, refresh, record, setSession]);

  /** Saves an edit of a card in the queue, in turn with the other actions; undo puts the wording before it back. */
  const saveEdit = useCallback(
    (cardId: string, edit: CardEditBody) =>
      enqueue(async () => {
        const { card: saved } = await reviewApi.editCard(cardId, edit);
        record((stack) => stack.push({ kind: "edit", cardId, before: saved.before }));
        setSession((s) => withEditedCard(s, saved));
        return saved;
      }),
    [enqueue, record, setSession],
  );

  /** Asks the server for the session again (after custom study granted more cards). */
  const reload = useCallback(() => enqueue(async () => refresh(await reviewApi.session(scope))), [enqueue, refresh, scope]);

  return { session, card, clock, error, pending, tally, reload, canUndo: lastAction !== undefined, undoLabel: undoLabel(lastAction), grade, undo, suspend, saveEdit };
}
