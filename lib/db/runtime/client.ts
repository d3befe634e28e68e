import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Database } from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../config/database-url";
import { appEnv } from "../../config/env";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { postgresRunner } from "./postgres-runner";
import { ensurePrivateDatabase } from "./private-files";
import type { SqlRunner } from "./sql";
import { sqliteRunner } from "./sqlite-runner";

/** Both generated clients expose the same models; the SQLite one's types stand for both. */
export type Db = SqliteClient;

/**
 * The raw-driver runner beside each client (sql.ts): same connection or pool, no second one.
 * Kept on the client under a registered symbol, as Next may load this module more than once
 * while the process-wide client (below) is shared.
 */
const RUNNER = Symbol.for("keypoint.sqlRunner");
type WithRunner = { [RUNNER]?: SqlRunner };

export function sqlOf(db: Db): SqlRunner {
  const runner = (db as WithRunner)[RUNNER];
  if (!runner) throw new Error("This Prisma client was not made by createDb.");
  return runner;
}

function attachRunner(db: Db, runner: SqlRunner): Db {
  Object.defineProperty(db, RUNNER, { value: runner });
  return db;
}

/** The database a client was made for: the deck worker (documents/deck-jobs.ts) opens its own connection to it. */
const TARGET = Symbol.for("keypoint.databaseTarget");

export function targetOf(db: Db): DatabaseTarget {
  const target = (db as { [TARGET]?: DatabaseTarget })[TARGET];
  if (!target) throw new Error("This Prisma client was not made by createDb.");
  return target;
}

export function createDb(target: DatabaseTarget): Db {
  const db = createClient(target);
  Object.defineProperty(db, TARGET, { value: target });
  return db;
}

function createClient(target: DatabaseTarget): Db {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 20 });
    // An idle connection the server closed (a restart, a dropped database) is replaced on
    // next use; without a listener pg's 'error' event would end the process.
    pool.on("error", () => undefined);
    const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) as unknown as Db;
    // Prisma connected owns the pool and ends it on $disconnect, even if only raw statements ran.
    let connected: Promise<void> | null = null;
    return attachRunner(client, postgresRunner(pool, () => (connected ??= client.$connect())));
  }
  ensurePrivateDatabase(target.file!);
  // Dates as integer milliseconds: compact, indexable, and simple to bucket by day in SQL.
  const factory = new PrismaBetterSQLite3({ url: target.file!, timeout: 10_000 }, { timestampFormat: "unixepoch-ms" });
  let connection: Database | null = null;
  const adapter: Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connectToShadowDb: () => factory.connectToShadowDb(),
    async connect() {
      const opened = await factory.connect();
      connection = (opened as { client?: Database }).client ?? null;
      return opened;
    },
  };
  const client = new SqliteClient({ adapter });
  attachRunner(
    client,
    sqliteRunner(async () => {
      if (!connection?.open) await client.$connect();
      if (!connection?.open) throw new Error("The SQLite adapter did not expose its connection.");
      return connection;
    }),
  );
  // The adapter keeps one connection, so these apply to every query after them (they run first:
  // the adapter serialises statements). In WAL mode, synchronous=NORMAL loses no committed
  // transaction when the app crashes, only on a power cut; a 64 MB page cache and memory-mapped
  // reads serve the history's random row lookups (stats, export) from memory instead of read().
  for (const pragma of SQLITE_PRAGMAS) void client.$queryRawUnsafe(pragma).catch(() => undefined);
  return client;
}

const SQLITE_PRAGMAS = ["PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 1073741824"];

const globalForDb = globalThis as unknown as { keypointDb?: Db };

/** The process-wide client, created on first use and cached across hot reloads. */
export function db(): Db {
  globalForDb.keypointDb ??= createDb(appEnv().database);
  return globalForDb.keypointDb;
}
