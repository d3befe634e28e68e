import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { resolveDatabase } from "../../lib/config/database-url";
import { applyMigrations } from "../../lib/db/ops/migrate";
import { providerSchemas } from "../../lib/db/ops/provider-schemas";

const modelsOf = (file: string) => readFileSync(file, "utf8").slice(readFileSync(file, "utf8").indexOf("\nmodel "));

describe("the two database schemas", () => {
  it("are written from prisma/models.prisma (npm run db:schemas)", () => {
    for (const schema of providerSchemas()) expect(readFileSync(schema.file, "utf8"), schema.file).toBe(schema.text);
  });

  it("declare identical models for SQLite and PostgreSQL", () => {
    expect(modelsOf("prisma/postgres/schema.prisma")).toBe(modelsOf("prisma/sqlite/schema.prisma"));
  });

  it("have migrations that produce the current schema (no drift)", () => {
    const target = resolveDatabase(process.env.DATABASE_URL);
    // migrated.prisma is the schema as of the last migration; scripts/new-migration.sh keeps it.
    const run = () =>
      execFileSync(
        "node_modules/.bin/prisma",
        ["migrate", "diff", "--from-schema-datamodel", `prisma/${target.kind}/migrated.prisma`, "--to-schema-datamodel", `prisma/${target.kind}/schema.prisma`, "--exit-code"],
        // The diff reads no data; SQLite only needs a file it can open.
        { env: { ...process.env, DATABASE_URL: target.kind === "sqlite" ? `file:${mkdtempSync(path.join(os.tmpdir(), "kp-diff-"))}/diff.db` : target.url }, stdio: "pipe" },
      );
    expect(run).not.toThrow();
  });
});

describe("the SQLite migrations", () => {
  it("build exactly the schema recorded as migrated", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "keypoint-migrations-"));
    const migrated = resolveDatabase(`file:${dir}/migrated.db`);
    await applyMigrations(migrated);
    const script = execFileSync(
      "node_modules/.bin/prisma",
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/sqlite/migrated.prisma", "--script"],
      { env: { ...process.env, DATABASE_URL: `file:${dir}/unused.db` }, stdio: ["ignore", "pipe", "ignore"] },
    ).toString();
    const direct = new Database(`${dir}/direct.db`);
    direct.exec(script);
    // Whitespace aside: a column added by ALTER TABLE is written after the last one's line break, not on a line of its own.
    const shape = (db: Database.Database) =>
      (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '%prisma_migrations%' ORDER BY name").all() as { sql: string | null }[])
        .map((entry) => ({ ...entry, sql: entry.sql?.replace(/\s+/g, " ").replace(/ ?([(),]) ?/g, "$1") }));
    const fromMigrations = new Database(migrated.file!);
    expect(shape(fromMigrations)).toEqual(shape(direct));
    expect(shape(direct).length).toBeGreaterThan(10);
  });
});
