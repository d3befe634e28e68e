import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <div className="stack" style={{ maxWidth: 440 }}>
      <div>
        <h1>Account</h1>
        <p className="muted">
          Signed in as <strong>{user.email}</strong>.
        </p>
      </div>
      <PasswordChangeForm email={user.email} />
    </div>
  );
}
