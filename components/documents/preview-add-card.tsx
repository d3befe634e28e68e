"use client";

import { useState } from "react";
import type { TopicDraft } from "@/lib/generator/types";
import { CardFields, readCardFields, writingProblem, type CardKind, type CardWriting } from "../cards/card-fields";

/** A card the user writes in the import preview, saved with the deck. */
export type WrittenCard = CardWriting & { key: number; kind: CardKind; topic: string | null };

/** Writes a card into the preview (checked as the server will); it is saved with the deck. */
export function PreviewAddCard({ topics, onAdd }: { topics: TopicDraft[]; onAdd: (card: Omit<WrittenCard, "key">) => void }) {
  const [kind, setKind] = useState<CardKind>("cloze");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack add-card"
      aria-label="Add a card to the preview"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const writing = readCardFields(form, kind);
        const problem = writingProblem(kind, writing);
        if (problem) return setError(problem);
        setError(null);
        onAdd({ kind, topic: String(form.get("topic")) || null, ...writing });
        event.currentTarget.reset();
      }}
    >
      {error && <p className="alert" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor="preview-add-topic">Topic</label>
        <select id="preview-add-topic" name="topic" defaultValue="">
          <option value="">Key points and summary</option>
          {topics.map((topic) => (
            <option key={topic.path} value={topic.path}>{topic.path}. {topic.title}</option>
          ))}
        </select>
      </div>
      <CardFields id="preview-add" kind={kind} onKind={setKind} />
      <div>
        <button className="button" type="submit">Add to the deck</button>
      </div>
    </form>
  );
}

/** The cards written in the preview, each with a way to take it out again. */
export function WrittenCards({ cards, onRemove }: { cards: WrittenCard[]; onRemove: (key: number) => void }) {
  if (cards.length === 0) return null;
  return (
    <div className="card stack" data-testid="written-cards">
      <h3>Cards you wrote</h3>
      {cards.map((card) => (
        <div key={card.key} className="preview-card" data-testid="written-card">
          <div className="preview-body">
            <span className="chip">{card.kind === "choice" ? "Choice" : "Cloze"}</span> {card.prompt}
            <br />
            <span className="muted small">
              Answer: <strong>{card.answer}</strong>
              {card.options ? ` · Options: ${card.options.join(" | ")}` : ""}
            </span>
          </div>
          <button className="button quiet" type="button" onClick={() => onRemove(card.key)}>
            Remove
          </button>
        </div>
      ))}
    </div>
  );
}
