import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/** The production shape (scripts/cluster.sh): nginx on E2E_PORT + 1, two app processes after it. */
const clusterPort = Number(process.env.E2E_PORT ?? 3210) + 1;

// Run with the PostgreSQL pass of `npm test` only (the cluster serves PostgreSQL); once is enough.
const onPostgres = /^postgres/i.test(process.env.DATABASE_URL ?? "");
if (!onPostgres) console.log("e2e cluster run: skipped (it runs when DATABASE_URL is PostgreSQL)");

export default defineConfig({
  ...base,
  testDir: "tests/e2e-cluster",
  testMatch: onPostgres ? "**/*.spec.ts" : [],
  outputDir: `test-results/${clusterPort}`,
  // Each process renders each page for the first time here: cold starts on a shared machine.
  expect: { timeout: 30_000 },
  use: { ...base.use, baseURL: `http://127.0.0.1:${clusterPort}` },
  webServer: onPostgres
    ? {
        command: "node node_modules/tsx/dist/cli.mjs tests/e2e/cluster-server.ts",
        url: `http://127.0.0.1:${clusterPort}/sign-in`,
        env: { PORT: String(clusterPort) },
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 60_000 },
      }
    : undefined,
});
