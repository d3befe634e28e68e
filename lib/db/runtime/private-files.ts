/**
 * The SQLite database holds emails and password hashes: its file, WAL and shared-memory files
 * and the backups are readable by the user running Keypoint only (0600), in folders only that
 * user can enter (0700). SQLite gives the -wal, -shm and -journal files it creates the mode of
 * the database file, so creating that file 0600 covers them.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** A folder of Keypoint's own (the data folder, the backups): created, or tightened, to 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/** A file created empty with mode 0600 if missing, and tightened to 0600 if it exists. */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, "a", FILE_MODE));
  chmodSync(file, FILE_MODE);
}

/**
 * Before SQLite opens `file`: its folder, when Keypoint creates it, is 0700 (a folder that
 * exists already may be shared, such as /tmp, and is left as it is); the file and any WAL,
 * shared-memory or journal file beside it from an earlier start are 0600.
 */
export function ensurePrivateDatabase(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) ensurePrivateDir(dir);
  ensurePrivateFile(file);
  for (const suffix of ["-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) chmodSync(file + suffix, FILE_MODE);
}
