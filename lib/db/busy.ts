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
    /SQLITE_BUSY|database is locked|could not serialize|deadlock detected/i.test(typeof message === "string" ? message : "")
  );
}
