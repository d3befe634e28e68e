"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ShortcutTable } from "./shortcut-table";

const typing = (target: EventTarget | null) => {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)));
};

/** "?" on any study page opens the list of keyboard shortcuts; "?" again or Esc closes it. */
export function ShortcutSheet() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "?" || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      setOpen((was) => !was);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-title" onClose={() => setOpen(false)} data-testid="shortcut-sheet">
      <div className="row shortcut-head">
        <h2 id="shortcut-title">Keyboard shortcuts</h2>
        <button type="button" className="button quiet" onClick={() => setOpen(false)} aria-label="Close">
          ✕
        </button>
      </div>
      <ShortcutTable />
      <p className="small muted">
        More on reviewing, grades and the numbers on the stats page: <Link href="/help" onClick={() => setOpen(false)}>Help</Link>
      </p>
    </dialog>
  );
}
