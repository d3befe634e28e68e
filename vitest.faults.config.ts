import path from "node:path";
import { defineConfig } from "vitest/config";

// The faults suite builds the app once and starts real `next start` servers (killed with
// SIGKILL, restarted). Files run one at a time: the machine has 2 cores.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/faults/build.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
