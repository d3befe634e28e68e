"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { DeckChanges } from "@/lib/db/documents/save-deck";
import { describeChanges } from "./import-changes";

/** What the save request answers: whether the deck is new, and what changed in it if not. */
export interface SavedImport {
  created: boolean;
  title: string;
  cardCount: number;
  changes: DeckChanges;
}

const key = (documentId: string) => `keypoint:saved:${documentId}`;

/** Keeps the save's answer for the deck page to show once (the deck's address stays as it is). */
export function rememberSaved(documentId: string, saved: SavedImport): void {
  try {
    sessionStorage.setItem(key(documentId), JSON.stringify(saved));
  } catch {
    // storage off: the deck page shows no note
  }
}

/** On the deck page right after an import: that nothing changed, or what changed. */
export function SavedImportNote({ documentId }: { documentId: string }) {
  const [saved, setSaved] = useState<SavedImport | null>(null);
  useEffect(() => {
    try {
      const stored = sessionStorage.getItem(key(documentId));
      sessionStorage.removeItem(key(documentId));
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once from the browser's storage after the page is shown
      if (stored) setSaved(JSON.parse(stored) as SavedImport);
    } catch {
      // nothing to show
    }
  }, [documentId]);
  if (!saved || saved.created) return null;
  const { changes } = saved;
  const nothing = changes.added === 0 && changes.suspended === 0 && changes.edited === 0;
  return (
    <div className="alert info" role="status" data-testid="import-result">
      {nothing ? (
        <p>Nothing changed: this deck already has this text and these cards.</p>
      ) : (
        <p>
          Updated from the new text: {describeChanges(changes, "did")}.{" "}
          {changes.suspended > 0 && <Link href={`/cards?document=${documentId}&suspended=yes`}>See the suspended cards</Link>}
        </p>
      )}
    </div>
  );
}
