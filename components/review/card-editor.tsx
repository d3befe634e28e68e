"use client";

import { useState } from "react";
import { CardFields, readCardFields, writingProblem, type CardKind } from "../cards/card-fields";
import { RequestFailed, type CardEditBody } from "./review-api";

export interface EditableCard {
  id: string;
  kind: CardKind;
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

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const writing = readCardFields(new FormData(event.currentTarget), card.kind);
    const problem = writingProblem(card.kind, writing);
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await save(writing);
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
      <CardFields id={`edit-${card.id}`} kind={card.kind} initial={{ prompt: card.prompt, answer: card.answer, options: card.options ?? undefined }} />
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
