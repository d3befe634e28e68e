"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * Changing the password ends every session, this browser's too; the form then
 * signs this browser in again with the new password, or says to sign in.
 */
export function PasswordChangeForm({ email }: { email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      setError("The two new passwords differ.");
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const response = await fetch("/api/account/password", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ currentPassword, newPassword }),
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        setError(body?.error?.message ?? "Could not change your password. Please try again.");
        return;
      }
      formElement.reset();
      const again = await signIn("credentials", { email, password: newPassword, redirect: false });
      if (!again || again.error) {
        router.replace("/sign-in?callbackUrl=%2Faccount");
        return;
      }
      setDone("Password changed. Every other device has been signed out.");
      router.refresh();
    } catch {
      setError("Keypoint could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate data-testid="password-form">
      <h2>Change password</h2>
      {error && (
        <p className="alert" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      {done && (
        <p className="alert info" role="status" data-testid="form-done">
          {done}
        </p>
      )}
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={8} />
        <span className="hint">At least 8 characters, not a common password. Other devices will be signed out.</span>
      </div>
      <div className="field">
        <label htmlFor="confirmPassword">New password again</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required minLength={8} />
      </div>
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Please wait…" : "Change password"}
      </button>
    </form>
  );
}
