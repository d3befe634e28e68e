import { ServiceWorker } from "@/components/ui/service-worker";
import { SiteHeader } from "@/components/ui/site-header";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="narrow">{children}</main>
      <ServiceWorker signedIn={false} />
    </>
  );
}
