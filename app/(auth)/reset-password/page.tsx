import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ApiError } from "@/lib/api/errors";
import { resetLinkEmail } from "@/lib/auth/password-reset";
import { db } from "@/lib/db/runtime/client";
import { now } from "@/lib/time/clock";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const given = typeof token === "string" ? token : "";
  let email: string;
  try {
    email = await resetLinkEmail(db(), given, now());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <section className="card stack" data-testid="reset-link-unusable">
        <h1>This link cannot be used</h1>
        <p className="alert" role="alert">{error.message}</p>
        <p className="row">
          <Link className="button primary" href="/forgot-password">Get a new link</Link>
          <Link className="button" href="/sign-in">Sign in</Link>
        </p>
      </section>
    );
  }
  return <ResetPasswordForm token={given} email={email} />;
}
