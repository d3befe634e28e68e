import { describe, expect, it } from "vitest";
import { all, changedOne, changes, emptySql, exec, firstRow, joinSql, rawSql, readDate, readOptionalDate, rows, sql, sqlList, sqlRows, type Statement, type Steps } from "./sql";

/** Drives a unit of work by hand, answering each statement (or batch) with `answer`. */
function drive<T>(work: Steps<T>, answer: (statement: Statement<unknown>) => unknown): { result: T; seen: string[] } {
  const seen: string[] = [];
  let step = work.next();
  while (!step.done) {
    const { value } = step;
    const batch = Array.isArray(value) ? value : null;
    seen.push(...(batch ?? [value as Statement<unknown>]).map((s) => s.text));
    step = work.next(batch ? batch.map(answer) : answer(value as Statement<unknown>));
  }
  return { result: step.value, seen };
}

describe("sql``", () => {
  it("binds every value as a placeholder, never as text", () => {
    const hostile = `x'); DROP TABLE "User"; --`;
    expect(sql`SELECT * FROM "User" WHERE "email" = ${hostile} AND "dailyNewLimit" > ${3}`).toEqual({
      text: `SELECT * FROM "User" WHERE "email" = ? AND "dailyNewLimit" > ?`,
      values: [hostile, 3],
    });
  });

  it("splices a fragment in with its own values, in order", () => {
    const inDeck = sql` AND "documentId" = ${"d1"}`;
    const query = sql`SELECT 1 FROM "CardState" WHERE "userId" = ${"u1"}${inDeck} AND "due" < ${new Date(0)}`;
    expect(query.text).toBe(`SELECT 1 FROM "CardState" WHERE "userId" = ? AND "documentId" = ? AND "due" < ?`);
    expect(query.values).toEqual(["u1", "d1", new Date(0)]);
    expect(sql`a${emptySql}b`).toEqual({ text: "ab", values: [] });
  });

  it("writes trusted text as is", () => {
    expect(sql`SELECT ${rawSql(`"id"`)} FROM t`).toEqual({ text: `SELECT "id" FROM t`, values: [] });
  });

  it("makes an IN list of placeholders, and one that matches nothing when empty", () => {
    expect(sql`"id" IN (${sqlList(["a", "b", "c"])})`).toEqual({ text: `"id" IN (?, ?, ?)`, values: ["a", "b", "c"] });
    expect(sql`"id" IN (${sqlList([])})`).toEqual({ text: `"id" IN (NULL)`, values: [] });
  });

  it("joins fragments with a separator, keeping each one's values", () => {
    expect(joinSql([sql`a = ${1}`, sql`b = ${2}`], " AND ")).toEqual({ text: "a = ? AND b = ?", values: [1, 2] });
  });

  it("writes rows of values as a VALUES list, values in row order", () => {
    const when = new Date(5);
    expect(sql`INSERT INTO t (a, b, c) VALUES ${sqlRows([["x", 1, when], ["y", null, true]])}`).toEqual({
      text: "INSERT INTO t (a, b, c) VALUES (?, ?, ?), (?, ?, ?)",
      values: ["x", 1, when, "y", null, true],
    });
    expect(sqlRows([[7]])).toEqual({ text: "(?)", values: [7] });
    // The same shape again gives the same text.
    expect(sqlRows([["z", 2, null], ["w", 3, null]]).text).toBe("(?, ?, ?), (?, ?, ?)");
  });

  it("refuses rows of different lengths and an empty list", () => {
    expect(() => sqlRows([["a", 1], ["b"]])).toThrow(/a row of 1 values among rows of 2/);
    expect(() => sqlRows([])).toThrow(/at least one row/);
  });
});

describe("statements", () => {
  const result = { rows: [{ id: "a" }, { id: "b" }], changes: 0 };

  it("read every row, the first row or none, and how many rows a write changed", () => {
    expect(rows(sql`x`, (row) => row.id).read(result)).toEqual(["a", "b"]);
    expect(firstRow(sql`x`, (row) => row.id).read(result)).toBe("a");
    expect(firstRow(sql`x`, (row) => row.id).read({ rows: [], changes: 0 })).toBeNull();
    expect(changes(sql`x`).read({ rows: [], changes: 3 })).toBe(3);
    expect(changedOne(sql`x`).read({ rows: [], changes: 1 })).toBe(true);
    expect(changedOne(sql`x`).read({ rows: [], changes: 0 })).toBe(false);
  });

  it("read a date column as either driver returns it", () => {
    const instant = new Date("2026-03-10T15:00:00.123Z");
    expect(readDate(instant.getTime())).toEqual(instant);
    expect(readDate(BigInt(instant.getTime()))).toEqual(instant);
    expect(readDate(instant)).toBe(instant);
    expect(readDate(instant.toISOString())).toEqual(instant);
    expect(readOptionalDate(null)).toBeNull();
    expect(() => readDate({})).toThrow(TypeError);
  });
});

describe("units of work", () => {
  it("yield statements in order and receive each one's result", () => {
    function* rename(id: string, title: string): Steps<boolean> {
      const before = yield* exec(firstRow(sql`SELECT "title" FROM "Document" WHERE "id" = ${id}`, (row) => row.title as string));
      if (before === title) return false;
      return (yield* exec(changes(sql`UPDATE "Document" SET "title" = ${title} WHERE "id" = ${id}`))) === 1;
    }
    const answer = (s: Statement<unknown>) => s.read(s.text.startsWith("SELECT") ? { rows: [{ title: "old" }], changes: 0 } : { rows: [], changes: 1 });
    const { result, seen } = drive(rename("d1", "new"), answer);
    expect(result).toBe(true);
    expect(seen).toEqual([`SELECT "title" FROM "Document" WHERE "id" = ?`, `UPDATE "Document" SET "title" = ? WHERE "id" = ?`]);
    expect(drive(rename("d1", "old"), answer).seen).toHaveLength(1);
  });

  it("send independent statements as one batch and get their results in the same order", () => {
    function* counts(): Steps<[number, string | null]> {
      return yield* all([changes(sql`one`), firstRow(sql`two`, (row) => row.id as string)] as const);
    }
    const answer = (s: Statement<unknown>) => s.read(s.text === "one" ? { rows: [], changes: 7 } : { rows: [{ id: "z" }], changes: 0 });
    expect(drive(counts(), answer)).toEqual({ result: [7, "z"], seen: ["one", "two"] });
  });
});
