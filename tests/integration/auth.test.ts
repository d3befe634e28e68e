import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../lib/auth/accounts";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { MAX_FAILURES, WINDOW_MS, clearSignInFailures, recordSignInFailure, signInLockedFor, throttleKeys } from "../../lib/auth/throttle";
import { createDb, type Db } from "../../lib/db/client";
import { freshDatabase } from "../../lib/db/fresh-database";

let db: Db;
beforeAll(async () => {
  db = createDb(await freshDatabase(process.env.DATABASE_URL, "auth"));
});
afterAll(async () => db.$disconnect());

describe("passwords", () => {
  it("are stored as argon2id hashes and verified", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});

describe("sign-in rate limiting", () => {
  const keys = throttleKeys("ada@example.com", "10.0.0.1");
  const start = new Date("2026-05-01T10:00:00Z");

  it("locks an email and an IP after 5 failures for 15 minutes, then lets them try again", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(db, keys, start);
    expect(await signInLockedFor(db, keys, start)).toBe(0);
    await recordSignInFailure(db, keys, start);
    expect(await signInLockedFor(db, keys, start)).toBe(15);
    // Another email from the same address is locked too.
    expect(await signInLockedFor(db, throttleKeys("bob@example.com", "10.0.0.1"), start)).toBe(15);
    expect(await signInLockedFor(db, keys, new Date(start.getTime() + WINDOW_MS - 60_000))).toBe(1);
    expect(await signInLockedFor(db, keys, new Date(start.getTime() + WINDOW_MS))).toBe(0);
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const other = throttleKeys("carol@example.com", "10.0.0.2");
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(db, other, start);
    await clearSignInFailures(db, "carol@example.com");
    expect(await db.authThrottle.findUnique({ where: { key: "email:carol@example.com" } })).toBeNull();
  });
});

describe("accounts", () => {
  it("refuse a second account for the same email", async () => {
    await createAccount(db, { email: "dora@example.com", password: "long enough" });
    await expect(createAccount(db, { email: "dora@example.com", password: "another one" })).rejects.toMatchObject({ status: 409, code: "EMAIL_TAKEN" });
  });
});
