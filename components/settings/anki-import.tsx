"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { ImportView } from "@/lib/db/anki/imports";
import { callApi, RequestFailed } from "@/components/ui/call-api";

const POLL_MS = 1000;

/** Settings → Import: upload an .apkg / .colpkg, follow the background import, read what it did. */
export function AnkiImport({ initial }: { initial: ImportView | null }) {
  const [job, setJob] = useState<ImportView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const running = job?.status === "QUEUED" || job?.status === "RUNNING";

  useEffect(() => {
    if (!running || !job) return;
    const timer = setTimeout(async () => {
      try {
        setJob((await callApi<{ import: ImportView }>(`/api/anki/import/${job.id}`)).import);
      } catch (failure) {
        setError(failure instanceof RequestFailed ? failure.message : String(failure));
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, running]);

  async function upload(form: HTMLFormElement) {
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setError("Choose an .apkg or .colpkg file exported from Anki.");
    setError(null);
    setSending(true);
    try {
      const body = new FormData();
      body.set("file", file);
      setJob((await callApi<{ import: ImportView }>("/api/anki/import", { method: "POST", body }, 1)).import);
      form.reset();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="anki-import-heading" data-testid="anki-import">
      <div>
        <h2 id="anki-import-heading">Import from Anki</h2>
        <p className="small muted">
          An .apkg or .colpkg from Anki (File → Export). Each deck becomes a document, subdecks its topics; your review history
          comes along and your schedule continues where Anki left it. Importing the same file again adds nothing twice.
        </p>
      </div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void upload(event.currentTarget);
        }}
      >
        <input type="file" name="file" accept=".apkg,.colpkg" aria-label="Anki package" disabled={sending || running} data-testid="anki-file" />
        <button type="submit" className="button primary" disabled={sending || running} data-testid="anki-import-start">
          {sending ? "Uploading…" : "Import"}
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {job && <ImportProgress job={job} />}
    </section>
  );
}

function ImportProgress({ job }: { job: ImportView }) {
  if (job.status === "FAILED") {
    return (
      <p className="alert" role="alert" data-testid="anki-import-error">
        {job.fileName}: {job.error}
      </p>
    );
  }
  if (job.status === "DONE") {
    return (
      <div className="stack" role="status" data-testid="anki-import-done">
        {job.messages.map((line) => (
          <p key={line}>{line}</p>
        ))}
        {job.documents.length > 0 && (
          <ul>
            {job.documents.map((document) => (
              <li key={document.id}>
                <Link href={`/documents/${document.id}`}>{document.title}</Link> <span className="muted small">({document.cards} new cards)</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const percent = Math.round(job.progress * 100);
  return (
    <div className="stack" aria-live="polite">
      <p className="small">
        Importing {job.fileName}: {job.phase} ({percent}%)
      </p>
      <div className="progress" role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="anki-import-progress">
        <div style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
