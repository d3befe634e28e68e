/**
 * Plain SQL for the hot paths, written once for both databases and run on the raw
 * driver under Prisma (better-sqlite3 or pg: sqlite-runner.ts, postgres-runner.ts). Prisma 6.19 compiles
 * every query anew, even `$queryRaw` (~0.3–1 ms of CPU each); grading, the study queue
 * and the export run often enough for that to be most of their cost.
 *
 * A statement is SQL text with `?` placeholders, its values, and how to read its result.
 * A unit of work is a generator that yields statements and receives their results, so the
 * same code runs synchronously inside one better-sqlite3 transaction (nothing can interleave)
 * and asynchronously on a pg connection:
 *
 *   function* rename(id: string, title: string) {
 *     const changed = yield* exec(changes(sql`UPDATE "Document" SET "title" = ${title} WHERE "id" = ${id}`));
 *     return changed === 1;
 *   }
 */

/** Values a statement may bind; each runner converts Dates and booleans for its driver. */
export type SqlValue = string | number | boolean | Date | null;

export interface Sql {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

export type Row = Record<string, unknown>;

export interface Statement<T> extends Sql {
  read(result: { rows: Row[]; changes: number }): T;
}

/** Statements that do not depend on each other: a pool may run them at the same time. */
export type Batch = readonly Statement<unknown>[];

export function isBatch(step: Statement<unknown> | Batch): step is Batch {
  return Array.isArray(step);
}

/** A unit of work: yields statements (or batches), receives each one's result, returns T. */
export type Steps<T> = Generator<Statement<unknown> | Batch, T, unknown>;

function isSql(value: unknown): value is Sql {
  return typeof value === "object" && value !== null && "text" in value && "values" in value;
}

/** SQL with bound values; an Sql fragment inside is spliced in with its own values. */
export function sql(strings: TemplateStringsArray, ...parts: (SqlValue | Sql)[]): Sql {
  let text = strings[0];
  const values: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (isSql(part)) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += "?";
      values.push(part);
    }
    text += strings[i + 1];
  });
  return { text, values };
}

/** SQL text written as is: only identifiers, keywords and numbers of Keypoint's own, never input. */
export function rawSql(text: string): Sql {
  return { text, values: [] };
}

export const emptySql: Sql = rawSql("");

/** `?, ?, ?` for an IN list (never empty: an empty list matches nothing). */
export function sqlList(values: readonly SqlValue[]): Sql {
  if (values.length === 0) return rawSql("NULL");
  return { text: values.map(() => "?").join(", "), values };
}

/**
 * `(?, ?, ?), (?, ?, ?)` for rows of values, every row as long as the first: a bulk insert's
 * VALUES. The text is kept per shape, and no fragment is made per row, so a large import
 * does not spend its time writing the same placeholders again.
 */
export function sqlRows(rows: readonly (readonly SqlValue[])[]): Sql {
  const width = rows[0]?.length ?? 0;
  if (width === 0) throw new Error("sqlRows needs at least one row with a value.");
  const values: SqlValue[] = new Array(rows.length * width);
  let at = 0;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`sqlRows: a row of ${row.length} values among rows of ${width}.`);
    for (let i = 0; i < width; i++) values[at++] = row[i];
  }
  return { text: rowsText(rows.length, width), values };
}

const rowsTexts = new Map<string, string>();
const MAX_ROWS_TEXTS = 200;

function rowsText(count: number, width: number): string {
  const key = `${count}x${width}`;
  let text = rowsTexts.get(key);
  if (text === undefined) {
    const row = `(${new Array(width).fill("?").join(", ")})`;
    text = new Array(count).fill(row).join(", ");
    if (rowsTexts.size >= MAX_ROWS_TEXTS) rowsTexts.clear();
    rowsTexts.set(key, text);
  }
  return text;
}

/** Fragments one after another, `separator` between them. */
export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return {
    text: parts.map((part) => part.text).join(separator),
    values: parts.flatMap((part) => part.values),
  };
}

/** Every row, mapped. */
export function rows<T>(query: Sql, map: (row: Row) => T): Statement<T[]> {
  return { ...query, read: (result) => result.rows.map(map) };
}

/** The first row mapped, or null. */
export function firstRow<T>(query: Sql, map: (row: Row) => T): Statement<T | null> {
  return { ...query, read: (result) => (result.rows.length ? map(result.rows[0]) : null) };
}

/** How many rows a write changed. */
export function changes(query: Sql): Statement<number> {
  return { ...query, read: (result) => result.changes };
}

/** Whether a write changed exactly one row (a compare-and-set found what it expected). */
export function changedOne(query: Sql): Statement<boolean> {
  return { ...query, read: (result) => result.changes === 1 };
}

/** Runs one statement inside a unit of work: `const n = yield* exec(changes(sql`…`))`. */
export function* exec<T>(statement: Statement<T>): Steps<T> {
  return (yield statement as Statement<unknown>) as T;
}

type Results<T extends Batch> = { -readonly [K in keyof T]: T[K] extends Statement<infer R> ? R : never };

/** Runs independent statements together (at once on a PostgreSQL pool, in turn on SQLite): `const [a, b] = yield* all([…])`. */
export function* all<const T extends Batch>(statements: T): Steps<Results<T>> {
  return (yield statements) as Results<T>;
}

/** A date column as either driver returns it (SQLite: epoch milliseconds; pg: a Date). */
export function readDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (typeof value === "string") return new Date(value);
  throw new TypeError(`Not a date column value: ${String(value)}`);
}

export function readOptionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : readDate(value);
}

/** Which SQL the runner's database speaks, for the few spellings that differ (lib/db/stats). */
export type SqlDialect = "sqlite" | "postgres";

/** Runs units of work on one database's raw driver. */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** Runs the work in one write transaction: all of it is committed, or none. */
  transaction<T>(work: () => Steps<T>): Promise<T>;
  /** Runs read-only work outside a transaction. */
  read<T>(work: () => Steps<T>): Promise<T>;
}

/** Runs a single read-only statement. */
export function readOne<T>(runner: SqlRunner, statement: Statement<T>): Promise<T> {
  return runner.read(() => exec(statement));
}
