import Link from "next/link";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";

export const metadata = { title: "Page not found" };

/** Any unknown page, or a deck or quiz that is gone or not yours: the app's header and a way on. */
export default async function NotFound() {
  const user = await currentUser();
  return (
    <>
      <SiteHeader email={user?.email} />
      <main className="narrow">
        <section className="card stack" data-testid="not-found">
          <h1>This page does not exist</h1>
          <p className="muted">
            The link may be mistyped, or the deck or quiz it pointed to has been deleted.
          </p>
          <div className="row">
            <Link className="button primary" href="/">
              {user ? "Back to your decks" : "Go to the home page"}
            </Link>
            <Link className="button" href="/help">
              Help
            </Link>
          </div>
        </section>
      </main>
    </>
  );
}
