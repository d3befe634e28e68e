"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RequestFailed, deckApi } from "./deck-api";

/** Brings a deleted or removed deck back, then shows the page again (`then`: where to go instead). */
export function RestoreDeckButton({ documentId, label, then }: { documentId: string; label: string; then?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="row">
      <button
        className="button"
        type="button"
        disabled={busy}
        data-testid="restore-deck"
        onClick={async () => {
          setBusy(true);
          try {
            await deckApi.restore(documentId);
            if (then) router.replace(then);
            router.refresh();
          } catch (failure) {
            setError(failure instanceof RequestFailed ? failure.message : "Could not bring the deck back.");
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
