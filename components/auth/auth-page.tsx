import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { AuthForm } from "./auth-form";

type SearchParams = Promise<{ callbackUrl?: string | string[] }>;

/** Sign-in and sign-up: a signed-in visitor goes straight home. */
export async function AuthPage({ mode, searchParams }: { mode: "sign-in" | "sign-up"; searchParams: SearchParams }) {
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  return <AuthForm mode={mode} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />;
}
