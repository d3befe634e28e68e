import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.js", "package.json", "tsconfig.json"];

/** Newest change under `entry`; tests beside the code are not part of a build. */
function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) if (child !== "node_modules") newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when `root/distDir` holds a production build newer than every source file. */
export function buildIsFresh(root: string, distDir: string): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return !SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}
