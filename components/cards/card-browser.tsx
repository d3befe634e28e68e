"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BrowserCard, BrowserDeck } from "@/lib/db/cards/browse-cards";
import type { CardAction } from "@/lib/validation/cards";
import { CardEditor } from "../review/card-editor";
import { ClozeText } from "../review/card-face";
import { RequestFailed, cardsApi } from "./cards-api";

type Message = { ok: boolean; text: string };
type BulkAction = CardAction["action"];

const DONE: Record<BulkAction, (n: number) => string> = {
  suspend: (n) => `Suspended ${n} card${n === 1 ? "" : "s"}.`,
  unsuspend: (n) => `Unsuspended ${n} card${n === 1 ? "" : "s"}.`,
  reset: (n) => `Reset ${n} card${n === 1 ? "" : "s"} to new; their history is kept.`,
  delete: (n) => `Deleted ${n} card${n === 1 ? "" : "s"} and their history.`,
  move: (n) => `Moved ${n} card${n === 1 ? "" : "s"}.`,
};

function dueLabel(card: BrowserCard): string {
  if (!card.due) return "not studied yet";
  return `due ${new Date(card.due).toLocaleDateString([], { day: "numeric", month: "short", year: "numeric" })}`;
}

/**
 * One page of the browser: every card with its own actions, and a selection the bar above
 * the list acts on. Changes go to the server, then the page is read again.
 */
export function CardBrowser({ cards, decks }: { cards: BrowserCard[]; decks: BrowserDeck[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = cards.filter((card) => selected.has(card.id));
  const deckOfChosen = new Set(chosen.map((card) => card.documentId));
  const movable = chosen.length > 0 && chosen.every((card) => card.owned) && deckOfChosen.size === 1;
  const topics = movable ? (decks.find((deck) => deckOfChosen.has(deck.id))?.topics ?? []) : [];

  async function run(action: CardAction) {
    setBusy(true);
    setMessage(null);
    try {
      const { changed } = await cardsApi.act(action);
      setMessage({ ok: true, text: DONE[action.action](changed) });
      setSelected(new Set());
      setConfirmDelete(null);
      router.refresh();
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof RequestFailed ? failure.message : "Something went wrong. Nothing was changed." });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const ids = chosen.map((card) => card.id);

  return (
    <div className="stack">
      {message && (
        <p className={message.ok ? "alert info" : "alert"} role={message.ok ? "status" : "alert"} data-testid="cards-message">
          {message.text}
        </p>
      )}
      <div className="card bulk-bar" role="toolbar" aria-label="Selected cards">
        <label className="check">
          <input
            type="checkbox"
            checked={cards.length > 0 && chosen.length === cards.length}
            onChange={(event) => setSelected(event.target.checked ? new Set(cards.map((card) => card.id)) : new Set())}
            data-testid="select-page"
          />{" "}
          {chosen.length ? `${chosen.length} selected` : "Select this page"}
        </label>
        <button className="button" type="button" disabled={!chosen.length || busy} onClick={() => void run({ action: "suspend", cardIds: ids })}>Suspend</button>
        <button className="button" type="button" disabled={!chosen.length || busy} onClick={() => void run({ action: "unsuspend", cardIds: ids })}>Unsuspend</button>
        <button className="button" type="button" disabled={!chosen.length || busy} onClick={() => void run({ action: "reset", cardIds: ids })}>Reset to new</button>
        {movable && (
          <form
            className="row move-form"
            onSubmit={(event) => {
              event.preventDefault();
              const topic = String(new FormData(event.currentTarget).get("topic"));
              void run({ action: "move", cardIds: ids, topicId: topic || null });
            }}
          >
            <label htmlFor="move-topic" className="sr-only">Move to topic</label>
            <select id="move-topic" name="topic" defaultValue="">
              <option value="">No topic (key points)</option>
              {topics.map((topic) => (
                <option key={topic.id} value={topic.id}>{topic.path}. {topic.title}</option>
              ))}
            </select>
            <button className="button" type="submit" disabled={busy}>Move</button>
          </form>
        )}
        <button className="button danger" type="button" disabled={!chosen.length || busy || !chosen.every((card) => card.owned)} onClick={() => setConfirmDelete(ids)}
          title={chosen.every((card) => card.owned) ? undefined : "Cards of the shared default deck cannot be deleted: suspend them instead."}>
          Delete
        </button>
      </div>
      {confirmDelete && (
        <div className="alert confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            Delete {confirmDelete.length} card{confirmDelete.length === 1 ? "" : "s"} and {confirmDelete.length === 1 ? "its" : "their"} review history? This cannot be undone.
          </p>
          <div className="row">
            <button className="button danger" type="button" autoFocus disabled={busy} onClick={() => void run({ action: "delete", cardIds: confirmDelete })} data-testid="confirm-delete">
              Delete {confirmDelete.length === 1 ? "card" : "cards"}
            </button>
            <button className="button" type="button" onClick={() => setConfirmDelete(null)}>Cancel</button>
          </div>
        </div>
      )}
      <ul className="card-list" aria-label="Cards">
        {cards.map((card) => (
          <li key={card.id} className={`card card-row${card.suspended ? " suspended" : ""}`} data-testid="card-row" data-card-id={card.id} data-kind={card.kind}>
            <input type="checkbox" className="card-check" checked={selected.has(card.id)} onChange={(event) => toggle(card.id, event.target.checked)} aria-label={`Select: ${card.prompt}`} />
            <div className="card-body stack-tight">
              <p className="card-prompt" data-testid="card-prompt">
                {card.kind === "cloze" ? <ClozeText prompt={card.prompt} answer={card.answer} revealed /> : card.prompt}
              </p>
              {card.kind === "choice" && (
                <p className="small">
                  Answer: <strong>{card.answer}</strong>
                  {card.options && <span className="muted"> · {card.options.filter((option) => option !== card.answer).join(" · ")}</span>}
                </p>
              )}
              <p className="small muted card-meta">
                <span>{card.documentTitle}{card.topicTitle ? ` › ${card.topicTitle}` : ""}</span>
                <span className="chip">{card.state}</span>
                {card.suspended && <span className="chip warn" data-testid="suspended-chip">suspended</span>}
                {card.edited && <span className="chip">your wording</span>}
                {card.manual && <span className="chip">written by you</span>}
                <span>{dueLabel(card)}</span>
                {card.lapses > 0 && <span>{card.lapses} lapse{card.lapses === 1 ? "" : "s"}</span>}
              </p>
              <div className="row small card-actions">
                <button className="button quiet" type="button" onClick={() => setEditing(editing === card.id ? null : card.id)} aria-expanded={editing === card.id}>Edit</button>
                <button className="button quiet" type="button" disabled={busy} onClick={() => void run({ action: card.suspended ? "unsuspend" : "suspend", cardIds: [card.id] })}>
                  {card.suspended ? "Unsuspend" : "Suspend"}
                </button>
                {card.edited && (
                  <button className="button quiet" type="button" disabled={busy}
                    onClick={() => void cardsApi.edit(card.id, { prompt: null, answer: null, options: null }).then(() => router.refresh(), (failure) => setMessage({ ok: false, text: failure.message }))}>
                    Use the document&apos;s wording
                  </button>
                )}
                {card.owned && (
                  <button className="button quiet" type="button" disabled={busy} onClick={() => setConfirmDelete([card.id])}>Delete</button>
                )}
              </div>
              {editing === card.id && (
                <CardEditor
                  card={card}
                  onClose={() => setEditing(null)}
                  save={async (edit) => {
                    await cardsApi.edit(card.id, edit);
                    setMessage({ ok: true, text: "Saved your wording of the card." });
                    router.refresh();
                  }}
                />
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
