import Link from "next/link";

/** What a missing page says: a plain sentence and a way home. */
export function NotFoundNotice({ signedIn }: { signedIn: boolean }) {
  return (
    <section className="card stack" data-testid="not-found">
      <h1>Page not found</h1>
      <p className="muted">The link may be mistyped, or the deck or quiz it pointed to has been deleted.</p>
      <div className="row">
        <Link className="button primary" href="/">
          {signedIn ? "Back to your decks" : "Go to the home page"}
        </Link>
        <Link className="button" href="/help">
          Help
        </Link>
      </div>
    </section>
  );
}
