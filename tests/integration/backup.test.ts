// Backups: a copy taken while reviews keep being written holds every review answered
// before it started, restores into a working database, and is internally consistent.
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabase, type DatabaseTarget } from "../../lib/config/database-url";
import { backupDatabase } from "../../lib/db/ops/backup";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { seedDefaultDeck } from "../../lib/db/ops/default-deck";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import { gradeReview } from "../../lib/db/review/grade";
import { createUser } from "./test-db";

let target: DatabaseTarget;
let db: Db;
let dir: string;

beforeAll(async () => {
  target = await freshDatabase(process.env.DATABASE_URL, "backup");
  db = createDb(target);
  await seedDefaultDeck(db);
  dir = mkdtempSync(path.join(os.tmpdir(), "keypoint-backups-"));
});
afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Answers every card of the default deck for `users` users, Again then Good, one answer at a time. */
async function answerCards(userIds: string[], cards: string[], startMs: number, stop?: () => boolean, progress?: (n: number) => void): Promise<number> {
  let answered = 0;
  for (const [u, userId] of userIds.entries()) {
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    for (const [c, cardId] of cards.entries()) {
      if (stop?.()) return answered;
      await gradeReview(db, user, { cardId, rating: 1, clientRequestId: randomUUID(), durationMs: 800 }, new Date(startMs + (u * 100 + c) * 1000));
      answered++;
      progress?.(answered);
    }
  }
  return answered;
}

/** Opens a restored copy and returns its review logs' request ids, and whether each card's state matches its last log. */
async function restoredReviews(restored: DatabaseTarget) {
  const copy = createDb(restored);
  try {
    const logs = await copy.reviewLog.findMany({ select: { userId: true, clientRequestId: true, cardId: true, due: true, state: true, reviewedAt: true } });
    const states = await copy.cardState.findMany({ select: { userId: true, cardId: true, due: true, state: true, lastReview: true } });
    const lastLog = new Map<string, (typeof logs)[number]>();
    for (const log of logs) {
      const key = `${log.userId}/${log.cardId}`;
      const seen = lastLog.get(key);
      if (!seen || seen.reviewedAt < log.reviewedAt) lastLog.set(key, log);
    }
    const halfWritten = states.filter((state) => {
      const log = lastLog.get(`${state.userId}/${state.cardId}`);
      return !log || log.due.getTime() !== state.due.getTime() || log.state !== state.state;
    }).length;
    return { ids: new Set(logs.map((log) => log.clientRequestId)), logs: logs.length, states: states.length, halfWritten: halfWritten + Math.max(0, lastLog.size - states.length) };
  } finally {
    await copy.$disconnect();
  }
}

describe("backup and restore", () => {
  it("a backup taken during writes restores with every review acknowledged before it", async () => {
    const cards = (await db.card.findMany({ select: { id: true }, orderBy: { position: "asc" }, take: 20 })).map((card) => card.id);
    const before = await Promise.all([0, 1, 2].map((i) => createUser(db, `backup-${i}-${randomUUID()}@example.com`, { dailyNewLimit: 100 })));
    const start = Date.UTC(2026, 4, 1, 8);
    const acknowledged = await answerCards(before.map((u) => u.id), cards, start);
    const ids = new Set((await db.reviewLog.findMany({ select: { clientRequestId: true } })).map((log) => log.clientRequestId));
    expect(ids.size).toBe(acknowledged);

    // Writes continue from another process (as the running app) while the backup runs.
    const writers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => createUser(db, `writer-${i}-${randomUUID()}@example.com`, { dailyNewLimit: 100 })));
    const writer = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/integration/backup-writer.ts", target.url, String(start + 3_600_000), ...writers.map((u) => u.id)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let duringBackup = 0;
    const writesStarted = new Promise<void>((resolve, reject) => {
      writer.stdout.on("data", (chunk: Buffer) => {
        duringBackup += (chunk.toString().match(/answered/g) ?? []).length;
        if (duringBackup >= 5) resolve();
      });
      writer.on("exit", (code) => reject(new Error(`writer exited early (${code})`)));
    });
    await writesStarted;
    const backup = await backupDatabase(target, dir);
    const writtenBefore = duringBackup;
    await new Promise<void>((resolve) => (writer.exitCode !== null ? resolve() : writer.once("exit", () => resolve())));
    expect(writer.exitCode).toBe(0);
    const total = await db.reviewLog.count();

    // Restore: the app is stopped, the backup file is copied over the database file (SQLite),
    // or pg_restore loads the dump into an empty database (PostgreSQL).
    let restored: DatabaseTarget;
    if (target.kind === "sqlite") {
      const file = path.join(dir, "restored", "keypoint.db");
      rmSync(path.dirname(file), { recursive: true, force: true });
      spawnSync("mkdir", ["-p", path.dirname(file)]);
      copyFileSync(backup.file, file);
      restored = resolveDatabase(`file:${file}`);
    } else {
      const url = new URL(target.url);
      const name = `${url.pathname.slice(1)}_restored`;
      const admin = createDb(target);
      await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
      await admin.$disconnect();
      url.pathname = `/${name}`;
      const result = spawnSync("pg_restore", ["--no-owner", "--no-privileges", `--dbname=${url}`, backup.file], { encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      restored = resolveDatabase(url.toString());
    }
    const copy = await restoredReviews(restored);
    const missing = [...ids].filter((id) => !copy.ids.has(id));
    console.log(
      `backup: ${acknowledged} reviews before the backup, ${total - acknowledged} written by another process around it (${writtenBefore} when it started); the restored ${target.kind} copy holds ${copy.logs} reviews, ` +
        `${missing.length} missing, ${copy.halfWritten} half-written`,
    );
    expect(missing).toEqual([]);
    expect(copy.halfWritten).toBe(0);
    expect(copy.logs).toBeGreaterThanOrEqual(acknowledged);
    // The copy was taken while the writers were still going.
    expect(copy.logs).toBeLessThan(total);
    if (backup.reviews !== null) expect(backup.reviews).toBe(copy.logs);
  });

  it("writes backups readable by their owner only, in a folder only the owner can enter", async () => {
    const folder = path.join(dir, "private", "backups");
    const backup = await backupDatabase(target, folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
  });
});

