import { ApiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change anything, judged by where the browser says it came from.
 * Browsers send `Origin` on every POST, PUT, PATCH and DELETE, and `Sec-Fetch-Site` on every
 * request; a page on another site (or another port of this host, or a sandboxed frame,
 * `Origin: null`) cannot forge either. The request is let through when its Origin is the
 * app's own (`appOrigin`, from NEXTAUTH_URL, or the host the request was addressed to), or,
 * without an Origin, when Sec-Fetch-Site is absent or says same-origin. A request with
 * neither header comes from no browser (the command line, scripts, tests) and carries no
 * ambient cookie a page could borrow, so it is let through too.
 */
export function isSameOrigin(request: Request, appOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === appOrigin) return true;
    let host: string;
    try {
      const parsed = new URL(origin);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
      host = parsed.host;
    } catch {
      return false;
    }
    return host === (request.headers.get("host") ?? "").toLowerCase();
  }
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}

export function requireSameOrigin(request: Request, appOrigin: string): void {
  if (!isSameOrigin(request, appOrigin)) {
    throw new ApiError(403, "CROSS_SITE", "This request came from another site, so Keypoint refused it. Open Keypoint itself and try again.");
  }
}
