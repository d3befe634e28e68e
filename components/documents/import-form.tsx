"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { WEAK_QUALITY } from "@/lib/generator/types";
import { RequestFailed, callApi } from "../ui/call-api";
import { PreviewCards } from "./preview-cards";
import { UploadDocument, type Preview } from "./upload-document";

export function ImportForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<Preview | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [showExtra, setShowExtra] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    // the weakest cards start unticked: the user keeps them only by choice
    setKept(new Set(result.cards.filter((card) => card.quality >= WEAK_QUALITY).map((card) => card.id)));
    setShowExtra(false);
  }

  async function preview() {
    const result = await run(() => callApi<Preview>("/api/documents/preview", { method: "POST", body: JSON.stringify({ text }) }, 1));
    if (result) show(result);
  }

  async function save() {
    const saved = await run(() =>
      callApi<{ documentId: string }>("/api/documents", { method: "POST", body: JSON.stringify({ text, kept: [...kept] }) }, 1),
    );
    if (saved) router.push(`/documents/${saved.documentId}`);
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
            placeholder={"Title\nA summary paragraph…\n\nKey Points:\n- …\n\n# Or Markdown headings and lists"}
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
          <UploadDocument busy={busy} run={run} onError={setError} onStart={() => setDraft(null)} onPreview={show} />
        </div>
      </form>
      {draft && (
        <section className="stack" aria-label="Preview" data-testid="import-preview">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <div>
              <h2>{draft.title}</h2>
              <p className="muted" data-testid="preview-summary">
                {draft.cards.length === 0
                  ? `No cards from ${draft.words.toLocaleString("en-US")} words.`
                  : `${draft.cards.length} cards from ${draft.words.toLocaleString("en-US")} words. The weakest start unticked; tick or untick any card.`}
              </p>
            </div>
            {draft.cards.length + draft.candidates.length > 0 && (
              <button className="button primary" type="button" onClick={() => void save()} disabled={busy || kept.size === 0} data-testid="save-deck">
                Save deck ({kept.size} cards)
              </button>
            )}
          </div>
          {draft.notice && (
            <p className="alert info" role="status" data-testid="language-notice">
              {draft.notice}
            </p>
          )}
          <PreviewCards
            draft={draft}
            kept={kept}
            showExtra={showExtra}
            onShowExtra={() => setShowExtra(true)}
            onToggle={(id, keep) => {
              const next = new Set(kept);
              if (keep) next.add(id);
              else next.delete(id);
              setKept(next);
            }}
          />
        </section>
      )}
    </div>
  );
}
