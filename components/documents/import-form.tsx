"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportMatch } from "@/lib/db/documents/import-match";
import { WEAK_QUALITY } from "@/lib/generator/types";
import type { CardWriting } from "../cards/card-fields";
import { RequestFailed, callApi } from "../ui/call-api";
import { changesNothing, describeChanges, previewChanges } from "./import-changes";
import { PreviewAddCard, WrittenCards, type WrittenCard } from "./preview-add-card";
import { PreviewCards } from "./preview-cards";
import { rememberSaved, type SavedImport } from "./saved-import";
import { UploadDocument, type Preview } from "./upload-document";

/** The deck the preview's text belongs to, and whether the user updates it or saves a new deck. */
function MatchNotice({ match, changes, mode, onMode }: { match: ImportMatch; changes: string | null; mode: "update" | "new"; onMode: (mode: "update" | "new") => void }) {
  const deck = `“${match.title}”`;
  return (
    <div className="alert info stack-tight" role="status" data-testid="import-match">
      {match.sameText ? (
        <p>
          {match.deleted
            ? `You deleted a deck with this very text, ${deck}. Saving brings it back with its history.`
            : `This is the same text as your deck ${deck}.`}{" "}
          {changes ?? "Saving changes nothing: it opens the deck."}
        </p>
      ) : (
        <>
          <p>{match.byTitle ? `You have a deck with this title, ${deck}: this text may be a new version of it.` : `A new version of your deck ${deck}.`}</p>
          <fieldset className="row kind-choice">
            <legend className="sr-only">Save as</legend>
            <label className="check">
              <input type="radio" name="import-mode" checked={mode === "update"} onChange={() => onMode("update")} /> Update {deck}
            </label>
            <label className="check">
              <input type="radio" name="import-mode" checked={mode === "new"} onChange={() => onMode("new")} /> Save as a new deck
            </label>
          </fieldset>
          {mode === "update" && changes && <p data-testid="import-changes">{changes}.</p>}
        </>
      )}
      {match.handWritten > 0 && mode === "update" && <p className="small">Its {match.handWritten} card{match.handWritten === 1 ? "" : "s"} written by hand stay as they are.</p>}
    </div>
  );
}

/**
 * Add a document: paste or upload, preview the cards, tick, change or write cards, name the
 * deck, save. A text that is a version of one of the user's decks says so and what saving changes.
 */
export function ImportForm({ updateOf }: { updateOf?: string }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<Preview | null>(null);
  const [title, setTitle] = useState("");
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [edits, setEdits] = useState<Map<string, CardWriting>>(new Map());
  const [written, setWritten] = useState<WrittenCard[]>([]);
  const [mode, setMode] = useState<"update" | "new">("update");
  const [showExtra, setShowExtra] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const previewUrl = `/api/documents/preview${updateOf ? `?update=${encodeURIComponent(updateOf)}` : ""}`;

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await task();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  function show(result: Preview) {
    // The text the cards were made from (a PDF's or page's text as Markdown) is what saving posts back.
    setText(result.text);
    setDraft(result);
    const known = new Set(result.match?.cardIds ?? []);
    // the deck's cards stay ticked; of the new ones the weakest start unticked: the user keeps them only by choice
    setKept(new Set([...result.cards, ...result.candidates].filter((card) => known.has(card.id) || (card.quality >= WEAK_QUALITY && result.cards.includes(card))).map((card) => card.id)));
    setTitle(result.match && (updateOf || result.match.sameText) ? result.match.title : result.title);
    setEdits(new Map());
    setWritten([]);
    setMode("update");
    setShowExtra(false);
  }

  async function preview() {
    const result = await run(() => callApi<Preview>(previewUrl, { method: "POST", body: JSON.stringify({ text }) }, 1));
    if (result) show(result);
  }

  const match = draft?.match && (mode === "update" || draft.match.sameText) ? draft.match : null;
  const changes = match ? previewChanges(match, kept, written.length) : null;
  const unchanged = changes !== null && changesNothing(changes, edits.size) && match?.sameText && !match.deleted && title.trim() === match.title;
  const count = kept.size + written.length;

  async function save() {
    const body = {
      text,
      kept: [...kept],
      title: title.trim() || undefined,
      edits: [...edits].filter(([id]) => kept.has(id)).map(([id, writing]) => ({ id, ...writing })),
      added: written.map((card) => ({ kind: card.kind, topic: card.topic, prompt: card.prompt, answer: card.answer, options: card.options })),
      ...(match && !match.sameText ? { update: match.documentId } : {}),
    };
    const saved = await run(() => callApi<SavedImport & { documentId: string }>("/api/documents", { method: "POST", body: JSON.stringify(body) }, 1));
    if (!saved) return;
    rememberSaved(saved.documentId, saved);
    router.push(`/documents/${saved.documentId}`);
  }

  return (
    <div className="stack">
      {error && (
        <p className="alert" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          void preview();
        }}
      >
        <div className="field">
          <label htmlFor="document-text">Paste your document</label>
          <textarea
            id="document-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={"Title\nA summary paragraph…\n\nKey Points:\n- …\n\n# Or Markdown headings and lists, or plain notes"}
          />
          <span className="hint">
            Paste plain text or Markdown (up to 2 MB), or upload a .txt, .md, .rst, .pdf, .docx or saved .html page (up to 20 MB): a talk
            summary, lecture notes, a handout, an article.
          </span>
        </div>
        <div className="row">
          <button className="button primary" type="submit" disabled={busy || text.trim() === ""}>
            {busy && !draft ? "Reading…" : "Preview cards"}
          </button>
          <UploadDocument url={previewUrl} busy={busy} run={run} onError={setError} onStart={() => setDraft(null)} onPreview={show} />
        </div>
      </form>
      {draft && (
        <section className="stack" aria-label="Preview" data-testid="import-preview">
          <div className="row preview-head">
            <div className="stack-tight preview-title">
              <h2>{title.trim() || draft.title}</h2>
              <div className="field">
                <label htmlFor="deck-title">Title</label>
                <input id="deck-title" value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required />
              </div>
              <p className="muted" data-testid="preview-summary">
                {draft.cards.length === 0
                  ? `No cards from ${draft.words.toLocaleString("en-US")} words.`
                  : `${draft.cards.length} cards from ${draft.words.toLocaleString("en-US")} words. The weakest start unticked; tick or untick any card, change its wording, or write your own.`}
              </p>
            </div>
            {draft.cards.length + draft.candidates.length + written.length > 0 && (
              <button className="button primary" type="button" onClick={() => void save()} disabled={busy || count === 0 || title.trim() === ""} data-testid="save-deck">
                {match && !match.sameText ? "Update deck" : "Save deck"} ({count} cards)
              </button>
            )}
          </div>
          {draft.notice && (
            <p className="alert info" role="status" data-testid="language-notice">
              {draft.notice}
            </p>
          )}
          {draft.match && (
            <MatchNotice match={draft.match} changes={changes && !unchanged ? `Saving: ${describeChanges({ ...changes, edited: edits.size }, "will")}` : null} mode={mode} onMode={setMode} />
          )}
          <PreviewCards
            draft={draft}
            kept={kept}
            showExtra={showExtra}
            edits={edits}
            onShowExtra={() => setShowExtra(true)}
            onToggle={(id, keep) => {
              const next = new Set(kept);
              if (keep) next.add(id);
              else next.delete(id);
              setKept(next);
            }}
            onEdit={(id, writing) => {
              const next = new Map(edits);
              if (writing) next.set(id, writing);
              else next.delete(id);
              setEdits(next);
            }}
          />
          <WrittenCards cards={written} onRemove={(key) => setWritten(written.filter((card) => card.key !== key))} />
          <details className="card" data-testid="preview-add">
            <summary>
              <h3 className="inline-heading">Add a card of your own</h3>
            </summary>
            <PreviewAddCard topics={draft.topics} onAdd={(card) => setWritten([...written, { ...card, key: Date.now() + written.length }])} />
          </details>
        </section>
      )}
    </div>
  );
}
