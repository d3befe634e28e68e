import Link from "next/link";
import { connection } from "next/server";
import { SiteHeader } from "@/components/ui/site-header";

export const metadata = { title: "Page not found" };

/**
 * Rendered per request, never prerendered: a page built ahead of time carries no nonce, and
 * the Content-Security-Policy (proxy.ts) then blocks its scripts.
 */
export default async function NotFound() {
  await connection();
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <div className="card stack" data-testid="not-found">
          <h1>Page not found</h1>
          <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
          <p>
            <Link className="button primary" href="/">
              Go to your decks
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
