import { NextResponse, type NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, isUsableCallbackUrl } from "./lib/auth/return-path";

/** A fresh nonce per request lets Next.js's own inline scripts run and nothing else. */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (charts, progress bars) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker and the manifest; without this line 'strict-dynamic' would refuse the worker.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * next-auth answers 500 (empty body) on any auth route, and getServerSession throws on any
 * page, when a callbackUrl parameter or cookie does not parse as a URL: such values are taken
 * out of the request before next-auth sees it, and the cookie is cleared.
 */
function dropUnusableCallbackCookies(request: NextRequest, headers: Headers): string[] {
  const bad = CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    return value !== undefined && !isUsableCallbackUrl(value);
  });
  if (bad.length) {
    const kept = (headers.get("cookie") ?? "").split(";").filter((pair) => !bad.includes(pair.split("=", 1)[0]!.trim()));
    headers.set("cookie", kept.join(";"));
  }
  return bad;
}

export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const dropped = dropUnusableCallbackCookies(request, requestHeaders);
  let response: NextResponse;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // Only /api/auth/* comes here (config below).
    const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
    if (callbackUrl !== null && !isUsableCallbackUrl(callbackUrl)) {
      const url = request.nextUrl.clone();
      url.searchParams.delete("callbackUrl");
      response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
    } else {
      response = NextResponse.next({ request: { headers: requestHeaders } });
    }
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = contentSecurityPolicy(nonce);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", csp);
  }
  for (const name of dropped) response.cookies.delete(name);
  return response;
}

/** Pages and next-auth's routes: other API answers are JSON with a fixed policy (next.config.js), and skip this per-request step. */
export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] },
    { source: "/api/auth/:path*" },
  ],
};
