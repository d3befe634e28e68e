import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "tsconfig.json"];
// Tests and generated clients are not part of the build's inputs.
const SKIP_DIRS = new Set(["node_modules", "generated"]);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return isTest(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (!SKIP_DIRS.has(child)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when `root/distDir` holds a production build newer than every source file. */
export function buildIsFresh(root: string, distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return !SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}
