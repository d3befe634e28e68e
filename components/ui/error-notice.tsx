"use client";

import Link from "next/link";

/** What a page that failed shows: a plain sentence, a retry and a way home; never a stack trace. */
export function ErrorNotice({ reset }: { reset: () => void }) {
  return (
    <section className="card stack" data-testid="error-page" role="alert">
      <h1>Something went wrong</h1>
      <p className="muted">
        Keypoint could not show this page. Nothing you saved is lost: try again, and if it keeps happening, come back in a little
        while.
      </p>
      <div className="row">
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
        <Link className="button" href="/">
          Go home
        </Link>
      </div>
    </section>
  );
}
