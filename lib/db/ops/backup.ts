import { spawn } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "../../config/database-url";
import { ensurePrivateDir, ensurePrivateFile } from "../runtime/private-files";

export interface BackupResult {
  file: string;
  /** Review answers (ReviewLog rows) in the copy, checked by reading it back (SQLite only). */
  reviews: number | null;
}

/** keypoint-2026-11-29T01-05-00-123Z.db: sorts by time, no characters a file system dislikes. */
export function backupFileName(now: Date, kind: DatabaseTarget["kind"]): string {
  return `keypoint-${now.toISOString().replace(/:/g, "-").replace(".", "-")}.${kind === "sqlite" ? "db" : "dump"}`;
}

/**
 * A consistent copy of the database while the app keeps running. SQLite: the online backup
 * API, copying every page in one step inside a read transaction (WAL lets writers go on
 * meanwhile), then an integrity check of the copy. PostgreSQL: pg_dump's custom format,
 * which reads one snapshot. The file appears under its final name only once complete.
 */
export async function backupDatabase(target: DatabaseTarget, dir: string, now = new Date()): Promise<BackupResult> {
  ensurePrivateDir(dir);
  const file = path.resolve(dir, backupFileName(now, target.kind));
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    // Created 0600 before SQLite or pg_dump writes into it: both keep the mode.
    ensurePrivateFile(partial);
    const reviews = target.kind === "sqlite" ? await backupSqlite(target.file!, partial) : await backupPostgres(target.url, partial);
    renameSync(partial, file);
    return { file, reviews };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

async function backupSqlite(source: string, destination: string): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
  try {
    // All remaining pages in one step: a step that spans writes from other connections would restart.
    await db.backup(destination, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(destination, { timeout: 10_000 });
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`The backup copy failed its integrity check: ${String(check)}`);
    // Keep the copy a single self-contained file.
    copy.pragma("journal_mode = DELETE");
    return copy.prepare(`SELECT count(*) FROM "ReviewLog"`).pluck().get() as number;
  } finally {
    copy.close();
  }
}

function backupPostgres(url: string, destination: string): Promise<null> {
  return new Promise((resolve, reject) => {
    const dump = spawn("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${destination}`, `--dbname=${url}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    dump.stderr.on("data", (chunk) => (stderr += chunk));
    dump.on("error", (error) => reject(new Error(`pg_dump could not run (${error.message}); install the PostgreSQL client tools.`)));
    dump.on("exit", (code) => (code === 0 ? resolve(null) : reject(new Error(`pg_dump failed (exit ${code}): ${stderr.trim()}`))));
  });
}
