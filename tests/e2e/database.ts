import { readFileSync } from "node:fs";
import { resolveDatabase, type DatabaseTarget } from "../../lib/config/database-url";

/** Where the e2e server (server.ts) writes the URL of its database. */
export function e2eDatabaseFile(port = process.env.E2E_PORT ?? "3210"): string {
  return `test-results/${port}/database-url`;
}

/** The database the e2e server runs on, for specs that load data in bulk. */
export function e2eDatabase(): DatabaseTarget {
  return resolveDatabase(readFileSync(e2eDatabaseFile(), "utf8"));
}
