import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "../config/database-url";
import { appEnv } from "../config/env";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

/** Both generated clients expose the same models; the SQLite one's types stand for both. */
export type Db = SqliteClient;

export function createDb(target: DatabaseTarget): Db {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: 20 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // Dates as integer milliseconds: compact, indexable, and simple to bucket by day in SQL.
  const adapter = new PrismaBetterSQLite3({ url: target.file!, timeout: 10_000 }, { timestampFormat: "unixepoch-ms" });
  const client = new SqliteClient({ adapter });
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
