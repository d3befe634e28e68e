import { connection } from "next/server";
import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";

export const metadata = { title: "Page not found" };

/**
 * A URL no page answers: the app's header and a way on (a missing deck or quiz inside the study
 * pages: app/(study)/not-found.tsx). Rendered per request, never prerendered: a page built ahead
 * of time carries no nonce, and the Content-Security-Policy (proxy.ts) then blocks its scripts.
 */
export default async function NotFound() {
  await connection();
  const user = await currentUser();
  return (
    <>
      <SiteHeader email={user?.email} />
      <main className="narrow">
        <NotFoundNotice signedIn={Boolean(user)} />
      </main>
    </>
  );
}
