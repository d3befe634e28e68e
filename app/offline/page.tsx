import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";

export const metadata = { title: "Offline" };
// Rendered per request like every page, so its scripts carry the request's CSP nonce.
export const dynamic = "force-dynamic";

/** What the service worker shows for a page it has not kept while there is no connection. */
export default function OfflinePage() {
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <section className="card stack" data-testid="offline-page">
          <h1>You are offline</h1>
          <p>This page needs a connection. Your decks and the review page open as you last saw them.</p>
          <div className="row">
            <a className="button primary" href="/review">
              Review
            </a>
            <Link className="button" href="/">
              Decks
            </Link>
          </div>
        </section>
      </main>
    </>
  );
}
