import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/support/**/*.test.ts", "scripts/**/*.test.ts"],
    // Integration tests share one database server; files run in parallel, each on its own database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
