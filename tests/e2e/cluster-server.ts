// Starts scripts/cluster.sh for the cluster end-to-end run (playwright.cluster.config.ts) and
// stops it when Playwright ends the run: two app processes behind nginx on PostgreSQL (a fresh
// database on DATABASE_URL's server).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

const dir = mkdtempSync(path.join(tmpdir(), "keypoint-e2e-cluster-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  KEYPOINT_CLUSTER_DIR: dir,
  DATABASE_URL: (await freshDatabase(process.env.DATABASE_URL, "e2e_cluster")).url,
};
delete env.NEXTAUTH_URL;

const stop = () => {
  execFileSync("scripts/cluster.sh", ["stop"], { env, stdio: "inherit" });
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
try {
  execFileSync("scripts/cluster.sh", ["start", "2"], { env, stdio: "inherit" });
} catch {
  stop();
}
setInterval(() => undefined, 60_000);
