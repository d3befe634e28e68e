import { defineConfig } from "@playwright/test";
import { middayTimeZone } from "./tests/support/midday-zone";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium (apt-get install chromium): Playwright cannot download browsers here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// On PostgreSQL the browser tests that store and read the most run again (review, quiz, stats,
// decks, the Anki import, the memory model); pages that behave the same on either database
// (accessibility, install, sign-in, formats) run once, on SQLite. Integration and fault tests
// cover every query on both.
const onPostgres = /^postgres/i.test(process.env.DATABASE_URL ?? "");
const POSTGRES_SPECS = ["review", "quiz", "stats", "decks", "anki", "memory-model"].map((name) => `**/${name}.spec.ts`);

export default defineConfig({
  testDir: "tests/e2e",
  ...(onPostgres ? { testMatch: POSTGRES_SPECS } : {}),
  // One folder per port: runs on different ports do not wipe each other's traces.
  outputDir: `test-results/${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    // Sign-ups take the browser's zone: one where it is midday keeps a run away from the 4 a.m. day start.
    timezoneId: middayTimeZone(),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs tests/e2e/server.ts",
    url: `${baseURL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
