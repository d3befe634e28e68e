import "./prisma/cli-preload";
import { defineConfig } from "prisma/config";
import { resolveDatabase, schemaPathFor } from "./lib/config/database-url";

// Prisma 6.19 with the JS schema engine: no engine binary is downloaded.
// The datasource is picked from DATABASE_URL (see STACK.md for why two schemas).
const target = resolveDatabase(process.env.DATABASE_URL);
process.env.DATABASE_URL = target.url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPathFor(target.kind),
  async adapter() {
    if (target.kind === "postgres") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: target.url, allowExitOnIdle: true });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
