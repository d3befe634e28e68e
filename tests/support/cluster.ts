// scripts/cluster.sh from tests: N app processes on PostgreSQL behind nginx, on free loopback ports.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

const run = promisify(execFile);

export interface Cluster {
  /** The balancer. */
  url: string;
  /** Each app process, by its own port (what nginx's X-Served-By names). */
  apps: string[];
  databaseUrl: string;
  dir: string;
  /** SIGKILL one app process (index into `apps`). */
  kill(app: number): void;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** `count` consecutive free loopback ports. */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portIsFree(base + i)));
    if (free.every(Boolean)) return base;
  }
}

/**
 * Starts a cluster on `databaseUrl`, or on a fresh database of the PostgreSQL server
 * `DATABASE_URL` names.
 */
export async function startCluster(options: { apps: number; label: string; databaseUrl?: string; env?: Record<string, string> }): Promise<Cluster> {
  const port = await freePorts(options.apps + 1);
  const dir = mkdtempSync(path.join(tmpdir(), `keypoint-${options.label}-`));
  const databaseUrl = options.databaseUrl ?? (await freshDatabase(process.env.DATABASE_URL, options.label)).url;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: "cluster-tests-secret-0123456789abcdefghijklmnop",
    ...options.env,
    PORT: String(port),
    KEYPOINT_CLUSTER_DIR: dir,
    DATABASE_URL: databaseUrl,
  };
  delete env.NEXTAUTH_URL;
  const stop = async () => {
    await run("scripts/cluster.sh", ["stop"], { env, timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await run("scripts/cluster.sh", ["start", String(options.apps)], { env, timeout: 900_000 });
    const apps = Array.from({ length: options.apps }, (_, i) => `http://127.0.0.1:${port + 1 + i}`);
    const kill = (app: number) => process.kill(Number(readFileSync(path.join(dir, `app-${app + 1}.pid`), "utf8")), "SIGKILL");
    return { url: stdout.trim().split("\n").at(-1)!, apps, databaseUrl, dir, kill, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
