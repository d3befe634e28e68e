import type { Database, Statement as Prepared } from "better-sqlite3";
import { isBatch, type SqlRunner, type SqlValue, type Statement, type Steps } from "./sql";

/** SQLite has no Date or boolean: epoch milliseconds (as the Prisma adapter stores them) and 0/1. */
function toSqlite(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** Statements are prepared once per connection; their text is fixed apart from IN-list lengths. */
const preparedByConnection = new WeakMap<Database, Map<string, Prepared>>();
const MAX_PREPARED = 500;

function prepare(connection: Database, text: string): Prepared {
  let prepared = preparedByConnection.get(connection);
  if (!prepared) preparedByConnection.set(connection, (prepared = new Map()));
  let statement = prepared.get(text);
  if (!statement) {
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    // The Prisma adapter turns safe integers on for the whole connection; counts and columns here fit a double.
    statement = connection.prepare(text).safeIntegers(false);
    prepared.set(text, statement);
  }
  return statement;
}

function execute<T>(connection: Database, statement: Statement<T>): T {
  const prepared = prepare(connection, statement.text);
  const values = statement.values.map(toSqlite);
  if (prepared.reader) return statement.read({ rows: prepared.all(values) as Record<string, unknown>[], changes: 0 });
  return statement.read({ rows: [], changes: prepared.run(values).changes });
}

/** Drives the work to its end synchronously: no other code runs between its statements. */
function drive<T>(connection: Database, work: () => Steps<T>): T {
  const steps = work();
  let step = steps.next();
  while (!step.done) {
    const { value } = step;
    step = steps.next(isBatch(value) ? value.map((statement) => execute(connection, statement)) : execute(connection, value));
  }
  return step.value;
}

/**
 * Runs work on the connection Prisma's adapter opened (one per process), not a second
 * one: a second connection waiting synchronously for the write lock that this process's
 * own Prisma transaction holds would block the event loop that transaction needs to
 * finish. Work runs synchronously, so a transaction only has to wait for a Prisma
 * transaction in progress to end, never the other way round.
 */
export function sqliteRunner(connection: () => Promise<Database>): SqlRunner {
  return {
    dialect: "sqlite",
    async transaction(work) {
      const db = await connection();
      // A Prisma transaction (an import, a quiz answer) holds the connection: wait for it to end.
      while (db.inTransaction) await new Promise((resolve) => setTimeout(resolve, 1));
      return db.transaction(() => drive(db, work)).immediate();
    },
    async read(work) {
      return drive(await connection(), work);
    },
  };
}
