"use client";

import Link from "next/link";
import { useState } from "react";
import { formErrorsOf } from "../ui/form-errors";
import { TextField } from "../ui/text-field";
import { useFormSubmit } from "../ui/use-form-submit";

export function ForgotPasswordForm() {
  const { errors, setErrors, busy, run } = useFormSubmit();
  const [sent, setSent] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    await run(async () => {
      const response = await fetch("/api/account/forgot-password", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email }),
      });
      if (!response.ok) {
        setErrors(await formErrorsOf(response, "Could not send the link. Please try again.", ["email"]));
        return;
      }
      setSent(((await response.json()) as { message: string }).message);
    });
  }

  return (
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate>
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your account&apos;s email and we will send you a link to choose a new password. It works once, for 30 minutes.</p>
      {errors.message && <p className="alert" role="alert" data-testid="form-error">{errors.message}</p>}
      {sent && <p className="alert info" role="status" data-testid="form-done">{sent}</p>}
      <TextField name="email" label="Email" type="email" autoComplete="email" required error={errors.fields.email} />
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Please wait…" : "Send me a link"}
      </button>
      <p className="muted small">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
