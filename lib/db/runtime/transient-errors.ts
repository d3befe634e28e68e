/**
 * The database could not take the write now: SQLite's lock held by another process
 * (the better-sqlite3 adapter reports SQLITE_BUSY as P1008, "Operation has timed out";
 * a deferred transaction cannot wait for the lock, it has to start again) or a
 * PostgreSQL serialisation failure or deadlock (P2034). Nothing was written.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === "P1008" ||
    code === "P2034" ||
    code === "SQLITE_BUSY" ||
    /SQLITE_BUSY|database is locked|could not serialize|deadlock detected/i.test(typeof message === "string" ? message : "")
  );
}

/**
 * Someone inserted the same key first: P2002 from the ORM, P2010 with a
 * UniqueConstraintViolation from `$queryRaw`, or the driver's own code from a
 * statement run on the raw driver (sql.ts beside this file).
 */
export function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return (
    code === "P2002" ||
    meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" ||
    code === "23505" ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}
