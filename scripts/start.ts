// `npm start`: validate settings, prepare the database, build if the sources changed, serve
// (`--prepare-only`: all but serving).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { loadEnv, type AppEnv } from "../lib/config/env";
import { buildIsFresh } from "./build-freshness";
import { prepareDatabase } from "./prepare-database";

function serverEnv(env: AppEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: env.database.url,
    NEXTAUTH_SECRET: env.secret,
    NEXTAUTH_URL: env.baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function main() {
  const env = loadEnv();
  await prepareDatabase(env);
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  if (!buildIsFresh(process.cwd(), process.env.KEYPOINT_DIST_DIR || ".next")) {
    console.log("Building Keypoint (first start or changed sources)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: serverEnv(env) });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  // scripts/cluster.sh: everything but serving, once for all its app processes.
  if (process.argv.includes("--prepare-only")) return;
  console.log(`Keypoint is starting on ${env.baseUrl} (${env.database.kind}).`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(env.port), "-H", process.env.HOST ?? "0.0.0.0"], {
    stdio: "inherit",
    env: serverEnv(env),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
