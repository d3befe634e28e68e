import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { appEnv } from "@/lib/config/env";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  if (appEnv().mail) return <ForgotPasswordForm />;
  return (
    <section className="card stack" data-testid="reset-by-admin">
      <h1>Forgot your password?</h1>
      <p>
        This Keypoint does not send email, so the person who runs it makes reset links. Ask them to run{" "}
        <code>npm run reset-password -- your@email</code> and send you the link it prints. The link works once, for 30 minutes.
      </p>
      <p className="muted small">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </section>
  );
}
