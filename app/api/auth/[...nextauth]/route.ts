import NextAuth from "next-auth";
import { route } from "@/lib/api/route";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// route(): sign-in, sign-out and the rest refuse posts from other sites, as every API route does.
const handler = route<Context>((request, context) => NextAuth(authOptions())(request, context));

export { handler as GET, handler as POST };
