"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/** Anki-style keys, ignored while typing in a form field. */
export function useReviewKeys(onKey: (event: KeyboardEvent) => boolean) {
  const handler = useRef(onKey);
  // Before paint: a key pressed as soon as a new card shows must act on that card.
  useLayoutEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    function listener(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.altKey || event.metaKey) return;
      // A dialog on top (the "?" shortcut list) takes the keys.
      if (document.querySelector("dialog[open]")) return;
      if (handler.current(event)) event.preventDefault();
    }
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
