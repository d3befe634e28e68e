import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { resolveDatabase } from "./database-url";

const EnvSchema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a full URL such as http://localhost:3000").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  KEYPOINT_DATA_DIR: z.string().default("data"),
  KEYPOINT_TEST_HOOKS: z.enum(["0", "1"]).default("0"),
  KEYPOINT_TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, "KEYPOINT_TRUST_PROXY must be the number of reverse proxies in front of Keypoint (0 for none, 1 for one)")
    .default("0"),
});

export interface AppEnv {
  database: ReturnType<typeof resolveDatabase>;
  secret: string;
  baseUrl: string;
  port: number;
  dataDir: string;
  testHooks: boolean;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the socket's peer is the client). */
  trustedProxies: number;
}

/** Reads and validates the environment once; throws one readable message per wrong setting. */
export function loadEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Keypoint cannot start, a setting is wrong:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(cwd, env.KEYPOINT_DATA_DIR);
  return {
    database: resolveDatabase(env.DATABASE_URL, cwd),
    secret: env.NEXTAUTH_SECRET ?? storedSecret(dataDir),
    baseUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    port: env.PORT,
    dataDir,
    testHooks: env.KEYPOINT_TEST_HOOKS === "1",
    trustedProxies: Number(env.KEYPOINT_TRUST_PROXY),
  };
}

/** A secret generated on first start and kept in the data folder (outside git). */
function storedSecret(dataDir: string): string {
  const file = path.join(dataDir, ".nextauth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}

let cached: AppEnv | undefined;
export function appEnv(): AppEnv {
  cached ??= loadEnv();
  return cached;
}
