// Every API route file and the methods it exports, read from app/api, so a new route
// cannot slip past the authorisation and bad-input tables unnoticed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface ApiRoute {
  /** URL pattern with [param] segments, e.g. /api/quiz/[attemptId]/answer */
  pattern: string;
  methods: string[];
}

export function discoverApiRoutes(root = "app/api"): ApiRoute[] {
  const found: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        found.push({ pattern: "/" + path.dirname(full).split(path.sep).join("/").replace(/^app\//, ""), methods });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * Routes anyone may call: next-auth's own endpoints, sign-up, the test clock (absent unless
 * KEYPOINT_TEST_HOOKS=1) and the JSON 404 for unknown API paths.
 */
export const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]", "/api/account#POST", "/api/account/forgot-password", "/api/account/reset-password", "/api/test/clock", "/api/[...path]"]);

export function isPublic(pattern: string, method: string): boolean {
  return PUBLIC_ROUTES.has(pattern) || PUBLIC_ROUTES.has(`${pattern}#${method}`);
}

/** The URL with every [param] replaced by `id`. */
export function fill(pattern: string, id: string): string {
  return pattern.replace(/\[[^\]]+\]/g, id);
}
