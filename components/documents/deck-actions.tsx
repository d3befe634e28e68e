"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeckFootprint } from "@/lib/db/documents/remove-deck";
import { RequestFailed, deckApi } from "./deck-api";
import { plural } from "../ui/plural";


/** Rename (own documents), and delete or remove the deck after a confirmation that names what goes with it. */
export function DeckActions({ deck }: { deck: DeckFootprint }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(task: () => Promise<unknown>, then: () => void) {
    setBusy(true);
    setError(null);
    try {
      await task();
      then();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Nothing was changed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      {error && <p className="alert" role="alert">{error}</p>}
      <div className="row">
        {!deck.builtin && (
          <>
            <button className="button" type="button" onClick={() => setRenaming(!renaming)} aria-expanded={renaming}>
              Rename
            </button>
            <Link className="button" href={`/documents/new?update=${deck.id}`} data-testid="update-deck">
              Update from a new version
            </Link>
          </>
        )}
        <button className="button danger" type="button" onClick={() => setConfirming(true)} data-testid="remove-deck">
          {deck.builtin ? "Remove this deck" : "Delete document"}
        </button>
      </div>
      {renaming && (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            const title = String(new FormData(event.currentTarget).get("title"));
            void act(() => deckApi.rename(deck.id, title), () => {
              setRenaming(false);
              router.refresh();
            });
          }}
        >
          <div className="field" style={{ flex: "1 1 18rem" }}>
            <label htmlFor="rename-title">Title</label>
            <input id="rename-title" name="title" defaultValue={deck.title} required maxLength={200} autoFocus />
          </div>
          <button className="button primary" type="submit" disabled={busy}>Save title</button>
        </form>
      )}
      {confirming && (
        <div className="alert confirm" role="alertdialog" aria-labelledby="confirm-remove-text" data-testid="confirm-remove">
          <p id="confirm-remove-text">
            {deck.builtin
              ? `Remove “${deck.title}” from your decks? Its ${plural(deck.cards, "card")} leave your reviews; your ${plural(deck.reviews, "answer")} stay in your history, and you can bring the deck back from Settings.`
              : `Delete “${deck.title}”? This removes its ${plural(deck.cards, "card")} and your ${plural(deck.reviews, "review")} of them. You can restore it from Settings for 30 days; after that it is gone for good.`}
          </p>
          <div className="row">
            <button
              className="button danger"
              type="button"
              autoFocus
              disabled={busy}
              onClick={() => void act(() => deckApi.remove(deck.id), () => router.push(`/?removed=${encodeURIComponent(deck.id)}`))}
              data-testid="confirm-remove-button"
            >
              {deck.builtin ? "Remove deck" : `Delete ${plural(deck.cards, "card")}`}
            </button>
            <button className="button" type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        </div>
      )}
    </div>
  );
}
