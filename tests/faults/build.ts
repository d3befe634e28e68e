// Builds the app once for the faults suite into its own folder (.next-faults), reusing the
// build while it is newer than every source file.
import { spawnSync } from "node:child_process";
import { buildIsFresh } from "../../scripts/build-freshness";

export const DIST_DIR = process.env.KEYPOINT_FAULTS_DIST_DIR || ".next-faults";

export default function setup() {
  if (buildIsFresh(process.cwd(), DIST_DIR)) return;
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
