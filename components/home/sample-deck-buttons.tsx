"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../ui/call-api";

/** "Try with a sample deck": the bundled deck joins this account, and its review starts. */
export function TrySampleButton({ className = "button" }: { className?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function take() {
    setBusy(true);
    setError(null);
    try {
      const { documentId } = await callApi<{ documentId: string }>("/api/sample-deck", { method: "POST" });
      router.push(`/review?deck=${encodeURIComponent(documentId)}`);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not add the sample deck. Please try again.");
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={take} disabled={busy} data-testid="try-sample">
        {busy ? "Adding the sample deck…" : "Try with a sample deck"}
      </button>
      {error && <p className="alert" role="alert">{error}</p>}
    </>
  );
}

/** Puts the sample deck away; what was studied on it is kept should it come back. */
export function PutSampleAwayButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function putAway() {
    setBusy(true);
    try {
      await callApi("/api/sample-deck", { method: "DELETE" });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" className="button quiet" onClick={putAway} disabled={busy} data-testid="put-sample-away">
      Remove sample
    </button>
  );
}
