"use client";

import { useCallback, useState } from "react";

/**
 * A polite live region and the function that speaks through it. The region must stay mounted
 * (render `region` at a stable place) for screen readers to hear each change; saying the same
 * words twice in a row is made a change by a trailing no-break space.
 */
export function useAnnouncer() {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text)), []);
  const region = (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </p>
  );
  return { announce, region };
}
