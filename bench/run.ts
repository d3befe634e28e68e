/**
 * `npm run bench [-- --quick] [-- --json] [-- --only 1,3,5] [-- --keep]`
 *
 * Builds what it needs, generates its own reproducible data in throwaway
 * databases (SQLite files under the OS temp folder, or new databases on the
 * PostgreSQL server DATABASE_URL names), runs each figure of issue 7 and prints
 * a table (or JSON lines). Speed is reported, never judged by the exit code:
 * it exits non-zero only when the harness itself breaks.
 */
import { appendFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";
import { hashPassword } from "../lib/auth/password";
import { resolveDatabase, type DatabaseTarget } from "../lib/config/database-url";
import { createDb } from "../lib/db/runtime/client";
import { freshDatabase } from "../lib/db/ops/fresh-database";
import { RUN_SECRET, ensureBuild, sessionCookie, signIn, startServer, type AppServer } from "./app-server";
import { openBulkWriter } from "./bulk-writer";
import { ankiFigures } from "./figures/anki";
import { browserFigures } from "./figures/browser";
import { documentFigures } from "./figures/documents";
import { generatorFigures } from "./figures/generator";
import { SESSION_EVERY, floorRows, gradeLoad, loadRows, signedInFloorLoad, withServerCpu, type SignedInGrader } from "./figures/grade-http";
import { gradeLoopInProcess } from "./figures/grade-in-process";
import { cardBrowserFigures } from "./figures/card-browser";
import { highestRate, openLoop, openLoopRows } from "./figures/open-loop";
import { startCluster } from "../tests/support/cluster";
import { exportFigures, sessionFigures, statsFigures } from "./figures/history-user";
import { optimiserFigures } from "./figures/optimiser";
import { log } from "./measure";
import { jsonLine, table, unavailable, type Row } from "./report";
import { FULL, QUICK } from "./sizes";
import { loadGraders, loadHistoryUser, type Grader } from "./synthetic-data";

const PASSWORD = "bench-password-1234";

interface Options {
  quick: boolean;
  json: boolean;
  only: Set<string> | null;
  keep: boolean;
  build: boolean;
  reuseBuild: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false, json: false, only: null, keep: false, build: false, reuseBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quick") options.quick = true;
    else if (arg === "--json") options.json = true;
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--build") options.build = true;
    else if (arg === "--reuse-build") options.reuseBuild = true;
    else if (arg === "--only") options.only = new Set(argv[++i]?.split(",").map((s) => s.trim()));
    else if (arg.startsWith("--only=")) options.only = new Set(arg.slice(7).split(","));
    else if (arg === "--help" || arg === "-h") {
      console.log("npm run bench -- [--quick] [--json] [--only 1,2,...,10] [--build] [--reuse-build] [--keep]");
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Servers to stop if the run is interrupted. */
const runningServers: AppServer[] = [];

/** Throwaway databases are removed at the end unless --keep. */
const created: DatabaseTarget[] = [];
async function newDatabase(baseUrl: string | undefined, label: string) {
  const target = await freshDatabase(baseUrl, label);
  created.push(target);
  return target;
}

async function dropDatabases(baseUrl: string | undefined) {
  for (const target of created) {
    try {
      if (target.kind === "sqlite") {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(target.file! + suffix, { force: true });
      } else {
        const { Client } = await import("pg");
        const admin = new Client({ connectionString: resolveDatabase(baseUrl).url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${new URL(target.url).pathname.slice(1)}" WITH (FORCE)`);
        await admin.end();
      }
    } catch (error) {
      log(`could not remove ${target.url}: ${(error as Error).message}`);
    }
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const sizes = options.quick ? QUICK : FULL;
  const root = process.cwd();
  const baseUrl = process.env.DATABASE_URL;
  const kind = resolveDatabase(baseUrl).kind;
  const want = (figure: string) => !options.only || options.only.has(figure);
  const rows: Row[] = [];
  // Rows are also appended to bench-results/ (git-ignored) as they come, so a long run that is stopped keeps them.
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const resultsFile = path.join(root, "bench-results", `${new Date().toISOString().replace(/[:.]/g, "-")}-${kind}${options.quick ? "-quick" : ""}.jsonl`);
  const emit = (more: Row[]) => {
    rows.push(...more);
    for (const r of more) appendFileSync(resultsFile, `${jsonLine(r)}\n`);
    if (options.json) for (const r of more) console.log(jsonLine(r));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: removing the benchmark databases and stopping`);
      void Promise.all(runningServers.map((server) => server.stop()))
        .then(() => (options.keep ? undefined : dropDatabases(baseUrl)))
        .finally(() => process.exit(130));
    });
  }
  const now = new Date();
  const passwordHash = await hashPassword(PASSWORD);
  log(`${options.quick ? "quick" : "full"} run on ${kind}`);

  if (want("1")) {
    const target = await newDatabase(baseUrl, "bench_grade");
    const writer = await openBulkWriter(target);
    const { usersPerSide, cardsPerUser } = sizes.inProcess;
    const graders = await loadGraders(writer, { tag: "g", users: usersPerSide * 2, cardsPerUser, passwordHash, now, seed: 1 });
    await writer.close();
    const db = createDb(target);
    try {
      log("figure 1: grade loop in process");
      emit(await gradeLoopInProcess(db, target, graders, now, sizes.inProcess));
    } finally {
      await db.$disconnect();
    }
  }

  if (want("3") || want("4") || want("7") || want("9")) {
    const target = await newDatabase(baseUrl, "bench_history");
    const writer = await openBulkWriter(target);
    const h = sizes.history;
    log(`generating the history user: ${h.documents * h.cardsPerDocument} cards, ${h.logs} logs`);
    const started = Date.now();
    const user = await loadHistoryUser(writer, { tag: "h", email: "history@bench.keypoint.test", passwordHash, documents: h.documents,
      cardsPerDocument: h.cardsPerDocument, logs: h.logs, now, seed: 7 });
    await writer.close();
    log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const db = createDb(target);
    const historySizes = { cards: user.cards, logs: user.logs, runs: h.runs };
    try {
      if (want("3")) emit(await sessionFigures(db, target.kind, user.id, now, historySizes));
      if (want("4")) emit(await statsFigures(db, target.kind, user.id, now, historySizes));
      if (want("7")) emit(await exportFigures(db, target.kind, user.id, historySizes));
      if (want("9")) emit(await cardBrowserFigures(db, target.kind, user.id, now, historySizes));
    } finally {
      await db.$disconnect();
    }
  }

  if (want("8")) {
    for (const { logs, ms, label } of sizes.optimiser) {
      const target = await newDatabase(baseUrl, "bench_optimise");
      const writer = await openBulkWriter(target);
      log(`figure 8: generating a history of ${logs} reviews`);
      const history = await loadHistoryUser(writer, { tag: "o", email: "optimise@bench.keypoint.test", passwordHash, documents: 10,
        cardsPerDocument: Math.max(100, Math.round(logs / 100)), logs, now, seed: 8 });
      const [grader] = await loadGraders(writer, { tag: "og", users: 1, cardsPerUser: 20_000, passwordHash, now, seed: 9 });
      await writer.close();
      const db = createDb(target);
      try {
        emit(await optimiserFigures(db, target.kind, history.id, history.logs, grader, now, { ms, label }));
      } finally {
        await db.$disconnect();
      }
    }
  }

  if (want("10")) {
    const target = await newDatabase(baseUrl, "bench_anki");
    const db = createDb(target);
    try {
      emit(await ankiFigures(db, target.kind, options.quick));
    } finally {
      await db.$disconnect();
    }
  }

  if (want("5")) {
    log("figure 5: generator");
    emit(await generatorFigures(root, options.quick));
    log("figure 5: documents, upload bytes → preview");
    emit(await documentFigures(options.quick));
  }

  if (want("2") || want("6")) {
    // CI's quick run reuses the fresh build its tests just made; a full run builds .next-bench when needed.
    const distDir = ensureBuild(root, !options.quick || options.build, options.quick ? (process.env.KEYPOINT_DIST_DIR || ".next") : undefined, options.reuseBuild);
    if (!distDir) {
      const why = "skipped: no fresh build (run without --quick, or add --build)";
      if (want("2")) emit([unavailable("2 grade over HTTP", kind, why)]);
      if (want("6")) emit([unavailable("6 browser: first-load JS, key → next card", "-", why)]);
    } else {
      await httpFigures(root, distDir, baseUrl, kind, sizes, passwordHash, now, options, emit, want);
    }
  }

  if (!options.keep) await dropDatabases(baseUrl);
  if (!options.json) {
    console.log(`\nKeypoint benchmarks (${options.quick ? "quick sizes: proves the harness runs, not a speed judgement" : "full sizes"}), ${kind}, ${new Date().toISOString()}\n`);
    console.log(table(rows));
    console.log(`\nRows also written to ${path.relative(root, resultsFile)}`);
  }
}

/** Signs the users in, ten at a time (each sign-in hashes a password). */
async function signInAll(url: string, graders: Grader[]): Promise<SignedInGrader[]> {
  const signedIn: SignedInGrader[] = [];
  for (let i = 0; i < graders.length; i += 10) {
    const batch = graders.slice(i, i + 10);
    const cookies = await Promise.all(batch.map((grader) => signIn(url, grader.email, PASSWORD)));
    batch.forEach((grader, j) => signedIn.push({ ...grader, cookie: sessionCookie(cookies[j]!) }));
  }
  return signedIn;
}

async function httpFigures(root: string, distDir: string, baseUrl: string | undefined, kind: "sqlite" | "postgres",
  sizes: typeof FULL, passwordHash: string, now: Date, options: Options, emit: (rows: Row[]) => void, want: (f: string) => boolean) {
  const target = await newDatabase(baseUrl, "bench_http");
  const writer = await openBulkWriter(target);
  const { connections, durationSeconds, warmupSeconds, cardsPerUser } = sizes.http;
  const loaded = await loadGraders(writer, { tag: "w", users: connections + 1, cardsPerUser, passwordHash, now, seed: 2 });
  const ol = sizes.openLoop;
  const people = want("2") ? await loadGraders(writer, { tag: "o", users: ol.users, cardsPerUser: ol.cardsPerUser, passwordHash, now, seed: 3 }) : [];
  await writer.close();
  const servers = runningServers;
  try {
    log(`figure 2: starting next start (${distDir}) on ${kind}`);
    servers.push(await startServer(root, distDir, target.url, await freePort()));
    const graders = await signInAll(servers[0].url, loaded);
    const browserUser = graders.pop()!;
    const size = `${connections} users, session on 1 grade in ${SESSION_EVERY}`;
    if (want("2")) {
      await gradeLoad([servers[0].url], graders, { connections, durationSeconds: warmupSeconds });
      const one = await withServerCpu(servers[0].cpuMs, () => gradeLoad([servers[0].url], graders, { connections, durationSeconds }));
      emit(loadRows(kind, "1 process", `${size}, ${durationSeconds} s`, one));
      const floor = await withServerCpu(servers[0].cpuMs, () => signedInFloorLoad([servers[0].url], graders, { connections, durationSeconds }));
      emit(floorRows(kind, `${connections} users, ${durationSeconds} s`, floor, one));

      log(`figure 2, open loop: signing in ${people.length} users`);
      const reviewers = await signInAll(servers[0].url, people);
      await openLoop(servers[0].url, reviewers, ol.rate, warmupSeconds);
      const open = await openLoop(servers[0].url, reviewers, ol.rate, ol.seconds);
      emit(openLoopRows(kind, "1 process", reviewers.length, ol.seconds, open, await highestRate(servers[0].url, reviewers, open, ol.searchSeconds)));
      if (kind === "postgres") {
        // The production shape: nginx in front of 1, then 2 app processes (scripts/cluster.sh).
        for (const apps of [1, 2]) {
          const cluster = await startCluster({ apps, label: "bench", databaseUrl: target.url, env: { KEYPOINT_DIST_DIR: distDir, NEXTAUTH_SECRET: RUN_SECRET } });
          try {
            await openLoop(cluster.url, reviewers, ol.rate, warmupSeconds);
            const balanced = await openLoop(cluster.url, reviewers, ol.rate, ol.seconds);
            emit(openLoopRows(kind, `nginx + ${apps} process${apps === 1 ? "" : "es"}`, reviewers.length, ol.seconds, balanced, undefined));
          } finally {
            await cluster.stop();
          }
        }
      }
      if (kind === "postgres") {
        servers.push(await startServer(root, distDir, target.url, await freePort()));
        const urls = servers.map((s) => s.url);
        await gradeLoad(urls, graders, { connections, durationSeconds: warmupSeconds });
        const two = await gradeLoad(urls, graders, { connections, durationSeconds });
        emit(loadRows(kind, "2 processes", `${size}, ${durationSeconds} s`, two));
        emit([{ figure: "2 throughput, 2 processes ÷ 1 process", db: kind, size, unit: "ratio", median: two.perSecond / one.perSecond,
          p99: null, target: null, anchorRatio: null, met: null }]);
      }
    }
    if (want("6")) {
      log("figure 6: browser");
      emit(await browserFigures(servers[0].url, browserUser.cookie.split("=")[1], Math.min(sizes.browserCards, browserUser.cardIds.length - 1)));
    }
  } finally {
    for (const server of servers.splice(0)) await server.stop();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
