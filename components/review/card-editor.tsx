"use client";

import { useState } from "react";
import { RequestFailed, type CardEditBody } from "./review-api";

export interface EditableCard {
  id: string;
  kind: "cloze" | "choice";
  prompt: string;
  answer: string;
  options: string[] | null;
}

/**
 * Fix a card's wording: the edit is the user's own and keeps the card's history. `save`
 * sends it (the review screen queues it behind the answers; the browser sends it at once).
 */
export function CardEditor({
  card,
  onClose,
  save,
  title = "Edit card",
}: {
  card: EditableCard;
  onClose: () => void;
  save: (edit: CardEditBody) => Promise<unknown>;
  title?: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: string) => `edit-${name}-${card.id}`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const options = card.kind === "choice" ? String(form.get("options")).split("\n").map((o) => o.trim()).filter(Boolean) : undefined;
    setBusy(true);
    try {
      await save({ prompt: String(form.get("prompt")), answer: String(form.get("answer")), ...(options ? { options } : {}) });
      onClose();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Could not save the card.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack card-editor" onSubmit={onSubmit} onKeyDown={(e) => e.key === "Escape" && onClose()} aria-label={title}>
      <h2>{title}</h2>
      {error && <p className="alert" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor={field("prompt")}>{card.kind === "cloze" ? "Text (keep the gap as [...])" : "Question"}</label>
        <textarea id={field("prompt")} name="prompt" defaultValue={card.prompt} rows={3} autoFocus style={{ minHeight: "5rem" }} />
      </div>
      <div className="field">
        <label htmlFor={field("answer")}>Answer</label>
        <input id={field("answer")} name="answer" defaultValue={card.answer} />
      </div>
      {card.kind === "choice" && (
        <div className="field">
          <label htmlFor={field("options")}>Options, one per line</label>
          <textarea id={field("options")} name="options" defaultValue={(card.options ?? []).join("\n")} rows={5} style={{ minHeight: "6rem" }} />
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
