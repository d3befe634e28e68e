import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase, type DatabaseTarget } from "../../config/database-url";
import { applyMigrations } from "./migrate";

/**
 * A new, empty, migrated database of the same kind as `baseUrl`: a temporary SQLite
 * file, or a new database on the same PostgreSQL server. For tests and benchmarks.
 */
export async function freshDatabase(baseUrl: string | undefined, label: string): Promise<DatabaseTarget> {
  const base = resolveDatabase(baseUrl);
  const name = `keypoint_${label.replace(/\W/g, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  let target: DatabaseTarget;
  if (base.kind === "sqlite") {
    const dir = path.join(os.tmpdir(), "keypoint-tests");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.db`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    target = resolveDatabase(`file:${file}`);
  } else {
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: base.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(base.url);
    url.pathname = `/${name}`;
    target = resolveDatabase(url.toString());
  }
  await applyMigrations(target);
  return target;
}
