"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { DeckDraft } from "@/lib/generator/types";
import { RequestFailed, callApi } from "../ui/call-api";
import { UploadDocument, type Preview } from "./upload-document";

export function ImportForm() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<DeckDraft | null>(null);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const groups = useMemo(() => {
    if (!draft) return [];
    const titles = new Map(draft.topics.map((topic) => [topic.path, topic.title]));
    const byTopic = new Map<string | null, DeckDraft["cards"]>();
    for (const card of draft.cards) byTopic.set(card.topic, [...(byTopic.get(card.topic) ?? []), card]);
    return [...byTopic].map(([path, cards]) => ({ path, title: path === null ? "Key points and summary" : `${path}. ${titles.get(path) ?? ""}`, cards }));
  }, [draft]);

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
    setDropped(new Set());
  }

  async function preview() {
    const result = await run(() => callApi<Preview>("/api/documents/preview", { method: "POST", body: JSON.stringify({ text }) }, 1));
    if (result) show(result);
  }

  async function save() {
    const saved = await run(() =>
      callApi<{ documentId: string }>("/api/documents", { method: "POST", body: JSON.stringify({ text, dropped: [...dropped] }) }, 1),
    );
    if (saved) router.push(`/documents/${saved.documentId}`);
  }

  const kept = (draft?.cards.length ?? 0) - dropped.size;
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
            Paste plain text or Markdown (up to 2 MB), or upload a .txt, .md, .pdf, .docx or saved .html page (up to 20 MB): a talk
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
              <p className="muted">
                {draft.cards.length} cards in {groups.length} groups. Untick the cards you don&apos;t want.
              </p>
            </div>
            <button className="button primary" type="button" onClick={() => void save()} disabled={busy || kept === 0} data-testid="save-deck">
              Save deck ({kept} cards)
            </button>
          </div>
          {groups.map((group) => (
            <div key={group.path ?? "document"} className="card stack">
              <h3>{group.title}</h3>
              {group.cards.map((card) => (
                <label key={card.id} className="preview-card">
                  <input
                    type="checkbox"
                    checked={!dropped.has(card.id)}
                    onChange={(event) => {
                      const next = new Set(dropped);
                      if (event.target.checked) next.delete(card.id);
                      else next.add(card.id);
                      setDropped(next);
                    }}
                  />
                  <span>
                    <span className="chip">{card.kind === "choice" ? "Choice" : "Cloze"}</span> {card.prompt}
                    <br />
                    <span className="muted small">
                      Answer: <strong>{card.answer}</strong>
                      {card.options ? ` · Options: ${card.options.join(" | ")}` : ""}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
