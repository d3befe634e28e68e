// Starts Keypoint for the end-to-end tests on its own fresh database, with test hooks on.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import { e2eDatabaseFile } from "./database";

const port = process.env.E2E_PORT ?? "3210";
const target = await freshDatabase(process.env.DATABASE_URL, "e2e");
console.log(`e2e database: ${target.kind}`);
// Specs that load data in bulk (a long review history) find the database here.
mkdirSync(`test-results/${port}`, { recursive: true });
writeFileSync(e2eDatabaseFile(port), target.url);
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: target.url, KEYPOINT_TEST_HOOKS: "1", KEYPOINT_TRUST_PROXY: "1", PORT: port, HOST: "127.0.0.1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
