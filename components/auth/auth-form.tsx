"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { safeReturnPath } from "@/lib/auth/return-path";

type Mode = "sign-in" | "sign-up";


export function AuthForm({ mode, callbackUrl }: { mode: Mode; callbackUrl?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returnTo = safeReturnPath(callbackUrl);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "sign-up") {
        const response = await fetch("/api/account", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            email,
            password,
            name: String(form.get("name") ?? "") || undefined,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          }),
        });
        if (!response.ok) {
          const body = await response.json().catch(() => null);
          setError(body?.error?.message ?? "Could not create your account. Please try again.");
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
        return;
      }
      router.replace(returnTo);
      router.refresh();
    } catch {
      setError("Keypoint could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const signingUp = mode === "sign-up";
  return (
    // method="post": a submit before the page's script has loaded must not put the password in the URL.
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate>
      <h1>{signingUp ? "Create your account" : "Sign in"}</h1>
      {error && (
        <p className="alert" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      {signingUp && (
        <div className="field">
          <label htmlFor="name">Name (optional)</label>
          <input id="name" name="name" autoComplete="name" maxLength={80} />
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signingUp ? "new-password" : "current-password"}
          required
          minLength={signingUp ? 8 : undefined}
        />
        {signingUp && <span className="hint">At least 8 characters, and not one of the common passwords.</span>}
      </div>
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
      </button>
      <p className="muted small">
        {signingUp ? (
          <>
            Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</Link>
          </>
        ) : (
          <>
            New to Keypoint? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
