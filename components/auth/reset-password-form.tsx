"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { formErrorsOf, noErrors } from "../ui/form-errors";
import { TextField } from "../ui/text-field";
import { useFormSubmit } from "../ui/use-form-submit";

/** Sets the new password through the link, then signs this browser in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { errors, setErrors, busy, run } = useFormSubmit();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      setErrors({ ...noErrors, fields: { confirmPassword: "The two passwords differ." } });
      return;
    }
    await run(async () => {
      const response = await fetch("/api/account/reset-password", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token, newPassword }),
      });
      if (!response.ok) {
        setErrors(await formErrorsOf(response, "Could not change your password. Please try again.", ["newPassword"]));
        return;
      }
      const signedIn = await signIn("credentials", { email, password: newPassword, redirect: false });
      router.replace(signedIn && !signedIn.error ? "/" : "/sign-in");
      router.refresh();
    });
  }

  return (
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
      <h1>Choose a new password</h1>
      <p className="muted">For {email}. Every device signed in to this account will be signed out.</p>
      {errors.message && <p className="alert" role="alert" data-testid="form-error">{errors.message}</p>}
      <TextField name="newPassword" label="New password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={errors.fields.newPassword} />
      <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required error={errors.fields.confirmPassword} />
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Please wait…" : "Set new password"}
      </button>
    </form>
  );
}
