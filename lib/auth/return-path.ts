/**
 * Where to go after signing in: only a path on this site. The value is parsed as a browser
 * would parse a link (`new URL(value, origin)`: backslashes read as slashes, tabs and line
 * breaks dropped, `http:x` relative to the page), and kept only if it stays on the origin; the
 * path is then rebuilt from the parsed URL, so what the browser is sent to is what was checked.
 */
const ORIGIN = "http://keypoint.invalid";

export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  // A path starting with two slashes (or a slash and a backslash) would be read as another host.
  if (url.origin !== ORIGIN || /^[/\\]{2}/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: a same-site path on `baseUrl`, never a throw (a bad callbackUrl must not become a 500). */
export function safeRedirect(url: string, baseUrl: string): string {
  let candidate = url;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(baseUrl).origin) return baseUrl;
    candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    // not an absolute URL: a path, or nothing usable
  }
  return `${baseUrl.replace(/\/$/, "")}${safeReturnPath(candidate)}`;
}

/**
 * Whether next-auth can use a callbackUrl (query parameter or cookie) at all: it answers 500,
 * on every auth route the cookie reaches, to one that is neither an absolute http(s) URL nor a
 * value starting with "/" (the same test as next-auth's own, in core/lib/assert).
 */
export function isUsableCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? ORIGIN : undefined).protocol);
  } catch {
    return false;
  }
}

export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];
