/**
 * The real app for the HTTP and browser figures: a production build in its own
 * folder (.next-bench, never the default .next), `next start` processes the
 * harness starts and stops itself, and signed-in sessions through next-auth.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildIsFresh } from "../scripts/build-freshness";
import { log } from "./measure";

export const BENCH_DIST_DIR = ".next-bench";
/**
 * A build folder to serve: .next-bench when fresh, else `fallback` (CI's quick
 * run reuses the build its tests just made) when fresh, else a new build into
 * .next-bench when `mayBuild`, else null.
 */
export function ensureBuild(root: string, mayBuild: boolean, fallback?: string, reuse = false): string | null {
  if (buildIsFresh(root, BENCH_DIST_DIR)) return BENCH_DIST_DIR;
  if (reuse && existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"))) {
    log(`reusing ${BENCH_DIST_DIR} although some sources are newer (--reuse-build)`);
    return BENCH_DIST_DIR;
  }
  if (fallback && buildIsFresh(root, fallback)) return fallback;
  if (!mayBuild) return null;
  log(`building the app into ${BENCH_DIST_DIR} (next build)…`);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, KEYPOINT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with status ${result.status}`);
  return BENCH_DIST_DIR;
}

export interface AppServer {
  url: string;
  /** CPU time the server process has used so far (user + system), in ms: robust to other work on the machine. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A Linux process's user + system CPU time from /proc (clock ticks of 10 ms). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One secret for every server of a run, so a session cookie works on all of them. */
export const RUN_SECRET = randomBytes(32).toString("base64url");

export async function startServer(root: string, distDir: string, databaseUrl: string, port: number): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  // `KEYPOINT_BENCH_PROFILE_DIR=dir npm run bench` writes a CPU profile of each server into dir.
  const profile = process.env.KEYPOINT_BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.KEYPOINT_BENCH_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      KEYPOINT_DIST_DIR: distDir,
      NEXTAUTH_SECRET: RUN_SECRET,
      NEXTAUTH_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${url} within 60 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, cpuMs: () => processCpuMs(child.pid!), stop };
}

function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

/** Signs in through next-auth's credentials flow; returns the session cookie's value. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...csrfCookies].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
  });
  const token = cookiesOf(response).get("next-auth.session-token");
  if (!token) throw new Error(`sign-in failed for ${email}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return token;
}

export const sessionCookie = (token: string) => `next-auth.session-token=${token}`;
