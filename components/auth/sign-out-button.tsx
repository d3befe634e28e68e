"use client";

import { signOut } from "next-auth/react";

/** Signs out, and has the service worker forget the pages it kept for this user. */
function signOutHere() {
  navigator.serviceWorker?.controller?.postMessage({ type: "signed-out" });
  return signOut({ callbackUrl: "/sign-in" });
}

export function SignOutButton() {
  return (
    <button type="button" className="button quiet" onClick={signOutHere}>
      Sign out
    </button>
  );
}
