"use client";

import { useState } from "react";
import type { DeckOptionLimits } from "@/lib/scheduler/daily-limits";
import { RequestFailed, deckApi } from "./deck-api";

/** A deck's own daily limits (Anki's deck options); left empty, a limit follows the global one. */
export function DeckOptionsForm({ documentId, initial, global }: { documentId: string; initial: DeckOptionLimits; global: { newPerDay: number; reviewsPerDay: number } }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const limit = (name: string) => (String(form.get(name)).trim() === "" ? null : Number(form.get(name)));
    setBusy(true);
    try {
      await deckApi.saveOptions(documentId, { newPerDay: limit("newPerDay"), reviewsPerDay: limit("reviewsPerDay") });
      setMessage({ ok: true, text: "Saved. This deck's next session uses these limits." });
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof RequestFailed ? failure.message : "Could not save the limits." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-labelledby="deck-options-heading">
      <div>
        <h3 id="deck-options-heading">Daily limits for this deck</h3>
        <p className="small muted">
          Your study settings allow {global.newPerDay} new cards and {global.reviewsPerDay} reviews a day across all decks; this deck gives at most what you set here. Leave a box empty to follow the global limit.
        </p>
      </div>
      {message && (
        <p className={message.ok ? "alert info" : "alert"} role="status" data-testid="deck-options-message">
          {message.text}
        </p>
      )}
      <div className="deck-options">
        <div className="field">
          <label htmlFor="deck-new">New cards per day</label>
          <input id="deck-new" name="newPerDay" type="number" min={0} max={9999} defaultValue={initial.newPerDay ?? ""} placeholder={`${global.newPerDay} (global)`} />
        </div>
        <div className="field">
          <label htmlFor="deck-reviews">Reviews per day</label>
          <input id="deck-reviews" name="reviewsPerDay" type="number" min={0} max={99999} defaultValue={initial.reviewsPerDay ?? ""} placeholder={`${global.reviewsPerDay} (global)`} />
        </div>
        <div>
          <button className="button" type="submit" disabled={busy}>Save limits</button>
        </div>
      </div>
    </form>
  );
}
