import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { AuthForm } from "./auth-form";

type SearchParams = Promise<{ callbackUrl?: string | string[]; sample?: string | string[] }>;

/** Sign-in and sign-up (`?sample=1`: then the sample deck); a signed-in visitor goes straight home. */
export async function AuthPage({ mode, searchParams }: { mode: "sign-in" | "sign-up"; searchParams: SearchParams }) {
  if (await currentUser()) redirect("/");
  const { callbackUrl, sample } = await searchParams;
  return <AuthForm mode={mode} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} withSample={sample === "1"} />;
}
