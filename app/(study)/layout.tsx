import { ShortcutSheet } from "@/components/help/shortcut-sheet";
import { ServiceWorker } from "@/components/ui/service-worker";
import { SiteHeader } from "@/components/ui/site-header";
import { currentUser } from "@/lib/auth/session";

export default async function StudyLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <SiteHeader email={user?.email} />
      <main>{children}</main>
      <ShortcutSheet />
      <ServiceWorker signedIn={Boolean(user)} />
    </>
  );
}
