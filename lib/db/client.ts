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
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as { keypointDb?: Db };

/** The process-wide client, created on first use and cached across hot reloads. */
export function db(): Db {
  globalForDb.keypointDb ??= createDb(appEnv().database);
  return globalForDb.keypointDb;
}
