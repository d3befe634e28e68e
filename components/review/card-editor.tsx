"use client";

import { useState } from "react";
import type { SessionCardView } from "@/lib/db/review/study-session";
import { RequestFailed, reviewApi } from "./review-api";

/** Fix a typo in a card; the edit is the user's own and keeps the card's review history. */
export function CardEditor({
  card,
  onClose,
  onSaved,
}: {
  card: SessionCardView;
  onClose: () => void;
  onSaved: (card: { id: string; prompt: string; answer: string; options: string[] | null }) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const options = card.kind === "choice" ? String(form.get("options")).split("\n").map((o) => o.trim()).filter(Boolean) : undefined;
    setBusy(true);
    try {
      const { card: saved } = await reviewApi.editCard(card.id, {
        prompt: String(form.get("prompt")),
        answer: String(form.get("answer")),
        ...(options ? { options } : {}),
      });
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Could not save the card.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={onSubmit} onKeyDown={(e) => e.key === "Escape" && onClose()} aria-label="Edit card">
      <h2>Edit card</h2>
      {error && <p className="alert" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor="edit-prompt">{card.kind === "cloze" ? "Text (keep the gap as [...])" : "Question"}</label>
        <textarea id="edit-prompt" name="prompt" defaultValue={card.prompt} rows={3} autoFocus style={{ minHeight: "5rem" }} />
      </div>
      <div className="field">
        <label htmlFor="edit-answer">Answer</label>
        <input id="edit-answer" name="answer" defaultValue={card.answer} />
      </div>
      {card.kind === "choice" && (
        <div className="field">
          <label htmlFor="edit-options">Options, one per line</label>
          <textarea id="edit-options" name="options" defaultValue={(card.options ?? []).join("\n")} rows={5} style={{ minHeight: "6rem" }} />
        </div>
      )}
      <div className="row">
        <button className="button primary" type="submit" disabled={busy}>
          Save
        </button>
        <button className="button" type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
