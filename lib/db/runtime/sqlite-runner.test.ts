import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { all, changes, exec, firstRow, readDate, rows, sql } from "./sql";
import { sqliteRunner } from "./sqlite-runner";

let connection: Database.Database;
const runner = () => sqliteRunner(async () => connection);

beforeEach(() => {
  connection = new Database(":memory:");
  connection.exec(`CREATE TABLE "Note" ("id" TEXT PRIMARY KEY, "body" TEXT NOT NULL, "done" INTEGER NOT NULL, "at" INTEGER)`);
});
afterEach(() => connection.close());

const allNotes = rows(sql`SELECT "id", "body", "done", "at" FROM "Note" ORDER BY "id"`, (row) => ({ ...row }));

describe("the SQLite runner", () => {
  it("stores dates as epoch milliseconds and booleans as 0/1, as Prisma's adapter does", async () => {
    const at = new Date("2026-03-10T15:00:00.123Z");
    await runner().transaction(() => exec(changes(sql`INSERT INTO "Note" VALUES (${"a"}, ${"x"}, ${true}, ${at})`)));
    expect(await runner().read(() => exec(allNotes))).toEqual([{ id: "a", body: "x", done: 1, at: at.getTime() }]);
    expect(await runner().read(() => exec(firstRow(sql`SELECT "at" FROM "Note"`, (row) => readDate(row.at))))).toEqual(at);
  });

  it("commits all of a unit of work, or none of it when it throws", async () => {
    await runner().transaction(function* () {
      yield* exec(changes(sql`INSERT INTO "Note" VALUES (${"a"}, ${"kept"}, ${false}, ${null})`));
    });
    const failing = runner().transaction(function* () {
      yield* exec(changes(sql`UPDATE "Note" SET "body" = ${"lost"} WHERE "id" = ${"a"}`));
      yield* exec(changes(sql`INSERT INTO "Note" VALUES (${"b"}, ${"lost"}, ${false}, ${null})`));
      throw new Error("stop here");
    });
    await expect(failing).rejects.toThrow("stop here");
    expect(await runner().read(() => exec(allNotes))).toEqual([{ id: "a", body: "kept", done: 0, at: null }]);
  });

  it("reports a duplicate key with the driver's code", async () => {
    const insert = () => runner().transaction(() => exec(changes(sql`INSERT INTO "Note" VALUES (${"a"}, ${"x"}, ${false}, ${null})`)));
    await insert();
    await expect(insert()).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
  });

  it("runs a batch in turn and answers in order", async () => {
    const [first, second] = await runner().transaction(() =>
      all([
        changes(sql`INSERT INTO "Note" VALUES (${"a"}, ${"x"}, ${false}, ${null})`),
        changes(sql`INSERT INTO "Note" VALUES (${"b"}, ${"y"}, ${false}, ${null})`),
      ] as const),
    );
    expect([first, second]).toEqual([1, 1]);
    expect((await runner().read(() => exec(allNotes))).map((note) => note.id)).toEqual(["a", "b"]);
  });
});
