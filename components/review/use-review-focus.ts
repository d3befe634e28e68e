"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Where the keyboard focus goes on the review screen: to the suggested grade once the answer
 * shows, to the next card after an answer (or an undo), and to the summary's heading once the
 * session is done. The first card of a page load leaves the focus where the browser put it.
 */
export function useReviewFocus(cardId: string | undefined, revealed: boolean) {
  const cardRef = useRef<HTMLElement>(null);
  const gradeRef = useRef<HTMLButtonElement>(null);
  const shownCard = useRef(cardId);
  const answered = useRef(false);

  useEffect(() => {
    if (shownCard.current === cardId) return;
    shownCard.current = cardId;
    answered.current = true;
    cardRef.current?.focus();
  }, [cardId]);

  useEffect(() => {
    if (!revealed) return;
    // On a small screen a long prompt can push the answer below the grade buttons: bring it into
    // view first, then the focus brings the grade buttons back into view if that moved them out.
    cardRef.current?.querySelector(".cloze-answer, .choice.right")?.scrollIntoView({ block: "nearest" });
    gradeRef.current?.focus();
  }, [revealed]);

  const summaryRef = useCallback((heading: HTMLHeadingElement | null) => {
    if (heading && answered.current) heading.focus();
  }, []);

  const focusCard = useCallback(() => cardRef.current?.focus(), []);

  return { cardRef, gradeRef, summaryRef, focusCard };
}
