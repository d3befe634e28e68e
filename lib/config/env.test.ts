import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "keypoint-env-"));

describe("settings", () => {
  it("default to SQLite in the data folder and a generated secret kept between starts", () => {
    const cwd = tmp();
    const first = loadEnv({}, cwd);
    expect(first.database).toEqual({ kind: "sqlite", url: `file:${cwd}/data/keypoint.db`, file: `${cwd}/data/keypoint.db` });
    expect(first.baseUrl).toBe("http://localhost:3000");
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(cwd, "data", ".nextauth-secret"), "utf8")).toBe(first.secret);
    expect(loadEnv({}, cwd).secret).toBe(first.secret);
  });

  it("choose PostgreSQL from a postgres:// URL", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://u@db:5432/k", NEXTAUTH_SECRET: "x".repeat(32) }, tmp()).database.kind).toBe("postgres");
  });

  it("explain what is wrong in one readable message", () => {
    expect(() => loadEnv({ PORT: "eighty", NEXTAUTH_SECRET: "short" }, tmp())).toThrow(
      /Keypoint cannot start, a setting is wrong:\n {2}NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters\n {2}PORT: /,
    );
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" }, tmp())).toThrow('DATABASE_URL must start with "file:" (SQLite) or "postgres://" (PostgreSQL)');
  });

  it("read KEYPOINT_TRUST_PROXY as the number of proxies in front, and refuse anything else readably", () => {
    const secret = { NEXTAUTH_SECRET: "x".repeat(32) };
    expect(loadEnv(secret, tmp()).trustedProxies).toBe(0);
    expect(loadEnv({ ...secret, KEYPOINT_TRUST_PROXY: "1" }, tmp()).trustedProxies).toBe(1);
    expect(loadEnv({ ...secret, KEYPOINT_TRUST_PROXY: "2" }, tmp()).trustedProxies).toBe(2);
    expect(() => loadEnv({ ...secret, KEYPOINT_TRUST_PROXY: "true" }, tmp())).toThrow(/KEYPOINT_TRUST_PROXY must be the number of reverse proxies/);
  });
});

