/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several checkouts' servers (or benchmarks) coexist.
  distDir: process.env.KEYPOINT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project once (tsc --noEmit); builds skip repeating it.
  typescript: { ignoreBuildErrors: true },
  // pdf.js loads its worker code and font data from its own package folder at run time.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "wink-nlp", "wink-eng-lite-web-model", "pdfjs-dist", "@open-spaced-repetition/binding"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // The service worker is checked for updates on every visit, never served stale.
        source: "/sw.js",
        headers: [{ key: "Cache-Control", value: "no-cache" }],
      },
      {
        // JSON never runs in a page; should one be opened directly, it may load nothing.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
