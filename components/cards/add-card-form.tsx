"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BrowserDeck } from "@/lib/db/cards/browse-cards";
import { CardFields, readCardFields, writingProblem, type CardKind } from "./card-fields";
import { RequestFailed, cardsApi } from "./cards-api";

/** Writes a card by hand into one of the user's own documents: a cloze with its gap, or a question with options. */
export function AddCardForm({ decks, deck }: { decks: BrowserDeck[]; deck?: string }) {
  const router = useRouter();
  const own = decks.filter((d) => d.owned);
  const [documentId, setDocumentId] = useState(own.some((d) => d.id === deck) ? deck! : (own[0]?.id ?? ""));
  const [kind, setKind] = useState<CardKind>("cloze");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (own.length === 0) {
    return <p className="small muted">Cards can be added to your own documents: add a document first.</p>;
  }
  const topics = own.find((d) => d.id === documentId)?.topics ?? [];

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const writing = readCardFields(form, kind);
    const problem = writingProblem(kind, writing);
    if (problem) return setMessage({ ok: false, text: problem });
    setBusy(true);
    setMessage(null);
    try {
      await cardsApi.add({ documentId, topicId: String(form.get("topic")) || null, kind, ...writing });
      setMessage({ ok: true, text: "Card added. It comes up with the deck's new cards." });
      formElement.reset();
      router.refresh();
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof RequestFailed ? failure.message : "Could not add the card." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack add-card" onSubmit={onSubmit} aria-label="Add a card">
      {message && (
        <p className={message.ok ? "alert info" : "alert"} role={message.ok ? "status" : "alert"} data-testid="add-card-message">
          {message.text}
        </p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="add-document">Document</label>
          <select id="add-document" value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
            {own.map((d) => (
              <option key={d.id} value={d.id}>{d.title}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="add-topic">Topic</label>
          <select id="add-topic" name="topic" defaultValue="" key={documentId}>
            <option value="">No topic (key points)</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>{topic.path}. {topic.title}</option>
            ))}
          </select>
        </div>
      </div>
      <CardFields id="add" kind={kind} onKind={setKind} />
      <div>
        <button className="button primary" type="submit" disabled={busy}>Add card</button>
      </div>
    </form>
  );
}
