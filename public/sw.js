// Keypoint's service worker: keeps the app shell and the review page for use without a connection.
// - Pages: network first; "/" and "/review" (any deck) are kept as last seen, any other page offline gets /offline.
// - /_next/static/* (file names carry a content hash, so never stale): cache first.
// - API calls, RSC payloads and anything but GET pass through untouched (a failed RSC fetch makes
//   Next.js load the page itself, which lands here as a navigation).
const VERSION = "v1";
const PAGES = `keypoint-pages-${VERSION}`;
const STATIC = `keypoint-static-${VERSION}`;
const SHELL_PAGES = ["/", "/review"];
const PRECACHE = ["/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await (await caches.open(STATIC)).addAll(PRECACHE);
      await keepPage("/offline", STATIC);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("keypoint-") && ![PAGES, STATIC].includes(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// Each signed-in page load keeps the shell pages as they are now (a deck taken or imported since
// the last visit shows offline too); signing out forgets them.
self.addEventListener("message", (event) => {
  if (event.data?.type === "signed-in") event.waitUntil(keepShellPages());
  if (event.data?.type === "signed-out") event.waitUntil(caches.delete(PAGES));
});

async function keepShellPages() {
  await Promise.all(SHELL_PAGES.map((path) => keepPage(path, PAGES).catch(() => undefined)));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.headers.get("RSC") || url.searchParams.has("_rsc")) return;
  if (url.pathname.startsWith("/_next/static/") || PRECACHE.includes(url.pathname) || url.pathname === "/offline") {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: false });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(STATIC)).put(request, response.clone());
  return response;
}

async function page(request, url) {
  const shell = SHELL_PAGES.includes(url.pathname);
  const key = url.pathname + url.search;
  try {
    const response = await fetch(request);
    if (shell && response.ok && !response.redirected) (await caches.open(PAGES)).put(key, response.clone());
    return response;
  } catch {
    const kept = shell ? await caches.match(key, { cacheName: PAGES }) : undefined;
    return kept ?? (await caches.match("/offline", { cacheName: STATIC })) ?? Response.error();
  }
}

/** Fetches a page and keeps it (in `cacheName`) with every script and style it loads. */
async function keepPage(path, cacheName) {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok || response.redirected) return;
  const html = await response.clone().text();
  const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
  const statics = await caches.open(STATIC);
  await Promise.all(assets.map((asset) => statics.match(asset).then((hit) => hit ?? statics.add(asset).catch(() => undefined))));
  await (await caches.open(cacheName)).put(path, response);
}
