"use client";

import type { ImportMatch } from "@/lib/db/documents/import-match";
import type { DeckDraft } from "@/lib/generator/types";
import { callApi } from "../ui/call-api";

/** Kept in step with DOCUMENT_LIMITS in lib/documents (the server checks again). */
const TEXT_LIMIT = 2 * 1024 * 1024;
const FILE_LIMIT = 20 * 1024 * 1024;
const ACCEPT = [
  ".txt", ".md", ".markdown", ".rst", ".pdf", ".docx", ".html", ".htm",
  "text/plain", "text/markdown", "text/x-rst", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/html",
].join(",");

/** The preview answer: the deck, the text it was made from (which saving posts back), the notice for a document not in English and the user's deck it is a version of. */
export type Preview = DeckDraft & { text: string; notice: string | null; match: ImportMatch | null };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Refuses at once, before uploading, a file over its limit. */
function sizeProblem(file: File): string | null {
  const text = /\.(txt|md|markdown|rst|rest)$/i.test(file.name);
  const limit = text ? TEXT_LIMIT : FILE_LIMIT;
  if (file.size <= limit) return null;
  return `${file.name} is ${megabytes(file.size)}; ${text ? "text files" : "PDF, Word and web page files"} can be up to ${megabytes(limit).replace(".0", "")}.`;
}

interface Props {
  /** The preview route, with the deck to update when one was named. */
  url: string;
  busy: boolean;
  /** Runs the request, showing its error message if it fails. */
  run: <T>(task: () => Promise<T>) => Promise<T | undefined>;
  onError: (message: string) => void;
  /** A new file replaces the preview on screen, whether or not it can be read. */
  onStart: () => void;
  onPreview: (preview: Preview) => void;
}

/** The upload button: sends the file's bytes as they are; the server reads the format. */
export function UploadDocument({ url, busy, run, onError, onStart, onPreview }: Props) {
  async function upload(file: File | undefined) {
    if (!file) return;
    onStart();
    const problem = sizeProblem(file);
    if (problem) return onError(problem);
    const body = new FormData();
    body.append("file", file, file.name);
    const preview = await run(() => callApi<Preview>(url, { method: "POST", body }, 1));
    if (preview) onPreview(preview);
  }

  return (
    <label className="button" aria-disabled={busy}>
      Upload a file
      <input
        className="sr-only"
        type="file"
        accept={ACCEPT}
        disabled={busy}
        data-testid="upload-document"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          void upload(file);
        }}
      />
    </label>
  );
}
