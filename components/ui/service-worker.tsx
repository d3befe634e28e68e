"use client";

import { useEffect } from "react";

/**
 * Registers public/sw.js (production builds only: in development it would keep stale pages).
 * On a signed-in page it asks the worker to keep the review page and the app shell, with their
 * scripts, so Review opens offline even before the user has visited it online.
 */
export function ServiceWorker({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    if (signedIn) navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "signed-in" }));
  }, [signedIn]);
  return null;
}
