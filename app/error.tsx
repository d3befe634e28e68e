"use client";

import { ErrorNotice } from "@/components/ui/error-notice";
import { SiteHeader } from "@/components/ui/site-header";

/** Any other page that failed (its layout included): the app's header, a plain message, a way home. */
export default function AppError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <SiteHeader />
      <main className="narrow">
        <ErrorNotice reset={reset} />
      </main>
    </>
  );
}
