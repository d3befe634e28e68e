"use client";

import { useEffect, useState } from "react";
import { RestoreDeckButton } from "./restore-deck-button";

const UNDO_SECONDS = 10;

/** Right after a deck is deleted or removed: what happened, with Undo for 10 seconds (Settings can bring it back later). */
export function RemovedBanner({ documentId, text }: { documentId: string; text: string }) {
  const [left, setLeft] = useState(UNDO_SECONDS);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <div className="alert info undo-banner" role="status" data-testid="removed-banner">
      <span>
        {text} {left <= 0 && <>You can bring it back from <a href="/settings#removed-decks">Settings</a>.</>}
      </span>
      {left > 0 && <RestoreDeckButton documentId={documentId} label={`Undo (${left})`} then="/" />}
    </div>
  );
}
