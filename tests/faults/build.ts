// Builds the app once for the faults suite into its own folder (.next-faults), reusing the
// build while it is newer than every source file.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const DIST_DIR = process.env.KEYPOINT_FAULTS_DIST_DIR || ".next-faults";
const SOURCES = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) if (!SKIP.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export default function setup() {
  if (!buildIsStale()) return;
  const started = Date.now();
  console.log(`faults: building into ${DIST_DIR}…`);
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 600_000,
    env: {
      ...process.env,
      KEYPOINT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "faults-build-secret-not-used-at-run-time-0123456789",
      NEXTAUTH_URL: "http://127.0.0.1:3000",
    },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  console.log(`faults: built in ${Math.round((Date.now() - started) / 1000)} s`);
}
