// The SQLite database holds emails and password hashes: its files are the running user's only.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDatabase } from "../../lib/config/database-url";
import { loadEnv } from "../../lib/config/env";
import { createDb } from "../../lib/db/runtime/client";
import { applyMigrations } from "../../lib/db/ops/migrate";
import { ensurePrivateDatabase, ensurePrivateDir } from "../../lib/db/runtime/private-files";

const mode = (file: string) => statSync(file).mode & 0o777;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "keypoint-private-"));

describe("private files", () => {
  it("creates the SQLite database, its WAL and shared-memory files 0600 in a new 0700 folder", async () => {
    const file = path.join(tmp(), "data", "keypoint.db");
    const target = resolveDatabase(`file:${file}`);
    await applyMigrations(target);
    const db = createDb(target);
    try {
      await db.user.create({ data: { email: "private@example.com", passwordHash: "x" } });
      expect(mode(path.dirname(file))).toBe(0o700);
      for (const suffix of ["", "-wal", "-shm"]) {
        expect(existsSync(file + suffix), suffix).toBe(true);
        expect(mode(file + suffix), `keypoint.db${suffix}`).toBe(0o600);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("tightens a database left world-readable by an earlier version", async () => {
    const file = path.join(tmp(), "keypoint.db");
    await applyMigrations(resolveDatabase(`file:${file}`));
    writeFileSync(`${file}-wal`, "");
    for (const suffix of ["", "-wal"]) chmodSync(file + suffix, 0o644);
    ensurePrivateDatabase(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    chmodSync(file, 0o644);
    await applyMigrations(resolveDatabase(`file:${file}`));
    expect(mode(file)).toBe(0o600);
  });

  it("keeps the data folder 0700, new or existing", () => {
    const cwd = tmp();
    loadEnv({}, cwd);
    expect(mode(path.join(cwd, "data"))).toBe(0o700);
    expect(mode(path.join(cwd, "data", ".nextauth-secret"))).toBe(0o600);
    const old = path.join(cwd, "old-data");
    mkdirSync(old, { mode: 0o755 });
    ensurePrivateDir(old);
    expect(mode(old)).toBe(0o700);
  });
});
