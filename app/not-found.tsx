import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";

export const metadata = { title: "Page not found" };

/** A URL no page answers: the app's header and a way on (a missing deck or quiz: app/(study)/not-found.tsx). */
export default async function NotFound() {
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
