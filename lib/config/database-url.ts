import path from "node:path";

export type DatabaseKind = "sqlite" | "postgres";

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
  /** Absolute file path for SQLite, null for PostgreSQL. */
  file: string | null;
}

export const DEFAULT_DATABASE_URL = "file:./data/keypoint.db";

/**
 * Resolves DATABASE_URL into the database to use. SQLite paths are made absolute
 * against `cwd`, because better-sqlite3 would otherwise resolve them against
 * whatever directory the process happens to run in.
 */
export function resolveDatabase(raw: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url, file: null };
  if (url.startsWith("file:")) {
    const file = path.resolve(cwd, url.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { kind: "sqlite", url: `file:${file}`, file };
  }
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL); got "${url.slice(0, 40)}".`,
  );
}

export function schemaPathFor(kind: DatabaseKind): string {
  return `prisma/${kind}/schema.prisma`;
}
