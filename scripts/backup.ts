// `npm run backup`: a consistent copy of the database while Keypoint runs.
// SQLite → data/backups/keypoint-<time>.db (online backup API); PostgreSQL → …/keypoint-<time>.dump (pg_dump).
// Restore: see "Backups" in README.md.
import path from "node:path";
import { resolveDatabase } from "../lib/config/database-url";
import { backupDatabase } from "../lib/db/ops/backup";

async function main() {
  const target = resolveDatabase(process.env.DATABASE_URL);
  const dir = path.resolve(process.env.KEYPOINT_BACKUP_DIR || path.join(process.env.KEYPOINT_DATA_DIR || "data", "backups"));
  const started = Date.now();
  const { file, reviews } = await backupDatabase(target, dir);
  const counted = reviews === null ? "" : `, ${reviews} review answers`;
  console.log(`Backed up ${target.kind} to ${file} (${((Date.now() - started) / 1000).toFixed(1)} s${counted}).`);
}

main().catch((error) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
