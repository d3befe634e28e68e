/**
 * Fast bulk loading for synthetic data, below Prisma on purpose: prepared
 * better-sqlite3 statements inside one transaction per batch on SQLite, and
 * `INSERT … SELECT * FROM unnest($1::type[], …)` batches on PostgreSQL.
 * Values are plain JS values; Dates are stored the way the app's Prisma
 * adapters store them (integer milliseconds on SQLite, UTC timestamps on PostgreSQL).
 */
import type { DatabaseTarget } from "../lib/config/database-url";

export type Value = string | number | boolean | Date | null;

export interface BulkWriter {
  insert(table: string, columns: readonly string[], rows: Value[][]): Promise<void>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBulkWriter(target: DatabaseTarget): Promise<BulkWriter> {
  return target.kind === "sqlite" ? sqliteWriter(target.file!) : postgresWriter(target.url);
}

const quote = (name: string) => `"${name}"`;

async function sqliteWriter(file: string): Promise<BulkWriter> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { timeout: 30_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -262144");
  const statements = new Map<string, import("better-sqlite3").Statement>();
  const toSqlite = (v: Value) => (v instanceof Date ? v.getTime() : typeof v === "boolean" ? (v ? 1 : 0) : v);
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        statements.set(key, statement);
      }
      const run = statement;
      db.transaction(() => {
        for (const r of rows) run.run(r.map(toSqlite));
      })();
    },
    async exec(sql) {
      db.exec(sql);
    },
    async close() {
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.exec("ANALYZE");
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<BulkWriter> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  const types = new Map<string, Map<string, string>>();
  async function columnTypes(table: string) {
    let known = types.get(table);
    if (!known) {
      const { rows } = await client.query<{ column_name: string; udt_name: string }>(
        "SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1",
        [table],
      );
      known = new Map(rows.map((r) => [r.column_name, r.udt_name]));
      types.set(table, known);
    }
    return known;
  }
  // An ISO string without its "Z" is read by a `timestamp` column as that UTC instant.
  const toPg = (v: Value) => (v instanceof Date ? v.toISOString().slice(0, -1) : v);
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const known = await columnTypes(table);
      const arrays = columns.map((_, i) => rows.map((r) => toPg(r[i])));
      const casts = columns.map((c, i) => `$${i + 1}::${known.get(c) ?? "text"}[]`);
      await client.query(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`,
        arrays,
      );
    },
    async exec(sql) {
      await client.query(sql);
    },
    async close() {
      await client.query("ANALYZE");
      await client.end();
    },
  };
}
