"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/return-path";
import { SignInSchema, SignUpSchema } from "@/lib/validation/account";
import { formErrorsOf, noErrors, type FormErrors } from "../ui/form-errors";
import { TextField } from "../ui/text-field";
import { useFormSubmit } from "../ui/use-form-submit";

type Mode = "sign-in" | "sign-up";

const FIELDS = ["name", "email", "password"] as const;

/** The form's own check, with the server's schema: each message beside its field before anything is sent. */
function checkLocally(mode: Mode, values: Record<string, string | undefined>): FormErrors | null {
  const parsed = (mode === "sign-up" ? SignUpSchema : SignInSchema).safeParse(values);
  if (parsed.success) return null;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (FIELDS.includes(field as (typeof FIELDS)[number]) && !(field in fields)) fields[field] = issue.message;
  }
  return { message: Object.keys(fields).length ? null : parsed.error.issues[0]?.message ?? null, code: null, fields };
}

/** Adds the sample deck to the account just signed in to; where its review starts. */
async function sampleDeckReview(): Promise<string> {
  const response = await fetch("/api/sample-deck", { method: "POST" });
  if (!response.ok) return "/";
  const { documentId } = (await response.json()) as { documentId: string };
  return `/review?deck=${encodeURIComponent(documentId)}`;
}

/** `withSample`: the visitor came from "Try with a sample deck"; once in, the sample deck is added and its review starts. */
export function AuthForm({ mode, callbackUrl, withSample = false }: { mode: Mode; callbackUrl?: string; withSample?: boolean }) {
  const router = useRouter();
  const { errors, setErrors, busy, run } = useFormSubmit();
  const returnTo = safeReturnPath(callbackUrl);
  const signingUp = mode === "sign-up";
  const keepSample = withSample ? "&sample=1" : "";
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}${keepSample}`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "") || undefined;
    const local = checkLocally(mode, { email, password, ...(signingUp ? { name } : {}) });
    if (local) {
      setErrors(local);
      return;
    }
    await run(async () => {
      if (signingUp) {
        const response = await fetch("/api/account", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email, password, name, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
        });
        if (!response.ok) {
          setErrors(await formErrorsOf(response, "Could not create your account. Please try again.", FIELDS));
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        const message = result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.";
        setErrors({ ...noErrors, message });
        return;
      }
      router.replace(withSample ? await sampleDeckReview() : returnTo);
      router.refresh();
    });
  }

  return (
    // method="post": a submit before the page's script has loaded must not put the password in the URL.
    <form className="card stack" method="post" onSubmit={onSubmit} noValidate>
      <h1>{signingUp ? "Create your account" : "Sign in"}</h1>
      {withSample && <p className="muted">Then you will review a sample deck made from a podcast summary.</p>}
      {errors.message && (
        <p className="alert" role="alert" data-testid="form-error">
          {errors.code === "EMAIL_TAKEN" ? (
            <>
              An account with this email already exists. <Link href={signInHref}>Sign in instead.</Link>
            </>
          ) : (
            errors.message
          )}
        </p>
      )}
      {signingUp && <TextField name="name" label="Name (optional)" autoComplete="name" maxLength={80} error={errors.fields.name} />}
      <TextField name="email" label="Email" type="email" autoComplete="email" required error={errors.fields.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete={signingUp ? "new-password" : "current-password"}
        required
        minLength={signingUp ? 8 : undefined}
        hint={signingUp ? "At least 8 characters, and not one of the common passwords." : <Link href="/forgot-password">Forgot your password?</Link>}
        error={errors.fields.password}
      />
      <button className="button primary" type="submit" disabled={busy}>
        {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
      </button>
      <p className="muted small">
        {signingUp ? (
          <>
            Already have an account? <Link href={signInHref}>Sign in</Link>
          </>
        ) : (
          <>
            New to Keypoint? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}${keepSample}`}>Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
