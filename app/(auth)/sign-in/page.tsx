import { AuthPage } from "@/components/auth/auth-page";

export const metadata = { title: "Sign in" };

export default function SignInPage(props: { searchParams: Promise<{ callbackUrl?: string; sample?: string }> }) {
  return <AuthPage mode="sign-in" {...props} />;
}
