"use client";

import { useState } from "react";
import { ClozeText } from "../review/card-face";

/** One card from the sample deck, to try on the landing page: show the answer, see the source. */
export function SampleCard({ prompt, answer, source }: { prompt: string; answer: string; source: string }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <article className="card review-card landing-card" data-testid="sample-card">
      <p className="muted small">A card Keypoint made from a podcast summary</p>
      <p className="review-prompt">
        <ClozeText prompt={prompt} answer={answer} revealed={revealed} />
      </p>
      {revealed ? (
        <div className="review-source">
          <p className="small muted">From the document:</p>
          <blockquote>{source}</blockquote>
        </div>
      ) : (
        <button type="button" className="button primary reveal" onClick={() => setRevealed(true)}>
          Show answer
        </button>
      )}
    </article>
  );
}
