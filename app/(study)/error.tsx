"use client";

import { ErrorNotice } from "@/components/ui/error-notice";

/** A study page that failed, shown inside the app's layout (its header stays). */
export default function StudyError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorNotice reset={reset} />;
}
