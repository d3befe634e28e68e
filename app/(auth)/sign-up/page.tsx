import { AuthPage } from "@/components/auth/auth-page";

export const metadata = { title: "Create account" };

export default function SignUpPage(props: { searchParams: Promise<{ callbackUrl?: string; sample?: string }> }) {
  return <AuthPage mode="sign-up" {...props} />;
}
