import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, sqlOf, type Db } from "../../lib/db/runtime/client";
import { freshDatabase } from "../../lib/db/ops/fresh-database";
import { isUniqueViolation } from "../../lib/db/runtime/transient-errors";
import { changes, exec, firstRow, readDate, readOne, sql } from "../../lib/db/runtime/sql";
import { createUser } from "./test-db";

let db: Db;
const zoneBefore = process.env.TZ;

beforeAll(async () => {
  db = createDb(await freshDatabase(process.env.DATABASE_URL, "sql_runner"));
  // pg reads and writes `timestamp` columns in the process's zone unless told otherwise;
  // a zone far from UTC makes any such slip visible.
  process.env.TZ = "America/Los_Angeles";
});

afterAll(async () => {
  process.env.TZ = zoneBefore;
  await db?.$disconnect();
});

const createdAtOf = (id: string) => firstRow(sql`SELECT "createdAt" FROM "User" WHERE "id" = ${id}`, (row) => readDate(row.createdAt));

describe("raw statements beside Prisma", () => {
  it("read and write the same instants as Prisma, whatever the process's time zone", async () => {
    const written = new Date("2026-03-08T09:30:15.123Z");
    const user = await db.user.create({ data: { email: "zone@example.com", passwordHash: "x", createdAt: written } });
    expect((await readOne(sqlOf(db), createdAtOf(user.id)))?.toISOString()).toBe(written.toISOString());

    const rewritten = new Date("2026-11-01T23:59:59.999Z");
    const changed = await sqlOf(db).transaction(() => exec(changes(sql`UPDATE "User" SET "createdAt" = ${rewritten} WHERE "id" = ${user.id}`)));
    expect(changed).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.createdAt.toISOString()).toBe(rewritten.toISOString());
  });

  it("roll back every statement of a transaction that fails part-way", async () => {
    const user = await createUser(db, "rollback@example.com");
    const failing = sqlOf(db).transaction(function* () {
      yield* exec(changes(sql`UPDATE "User" SET "name" = ${"changed"} WHERE "id" = ${user.id}`));
      throw new Error("stop here");
    });
    await expect(failing).rejects.toThrow("stop here");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
  });

  it("wait for a Prisma transaction in progress, and both commit", async () => {
    const user = await createUser(db, "interleave@example.com");
    let releasePrisma!: () => void;
    const prismaHolds = new Promise<void>((resolve) => (releasePrisma = resolve));
    const prisma = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { dailyNewLimit: 7 } });
      await prismaHolds;
      await tx.user.update({ where: { id: user.id }, data: { dailyReviewLimit: 70 } });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const raw = sqlOf(db).transaction(() => exec(changes(sql`UPDATE "User" SET "name" = ${"raw"} WHERE "id" = ${user.id}`)));
    setTimeout(releasePrisma, 100);
    await Promise.all([prisma, raw]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.dailyNewLimit, row.dailyReviewLimit, row.name]).toEqual([7, 70, "raw"]);
  });

  it("report a duplicate key as a unique-key race (which callers retry), on either driver", async () => {
    const user = await createUser(db, "duplicate@example.com");
    const duplicate = sqlOf(db).transaction(() =>
      exec(changes(sql`INSERT INTO "User" ("id", "email", "passwordHash") VALUES (${"dup-user"}, ${user.email}, ${"x"})`)),
    );
    const error = await duplicate.then(() => null, (caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
