import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAccount } from "../../lib/auth/accounts";
import * as passwords from "../../lib/auth/password";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { FAILURE_LIMITS, SIGN_UP_LIMITS, WINDOW_MS, clearSignInFailures, lockedFor, recordAttempt, throttleKeys } from "../../lib/auth/throttle";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

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
  const start = new Date("2026-05-01T10:00:00Z");
  const fail = async (email: string, ip: string, times: number) => {
    for (let i = 0; i < times; i++) await recordAttempt(db, throttleKeys(email, ip), start);
  };
  const wait = (email: string, ip: string, at = start) => lockedFor(db, throttleKeys(email, ip), at);

  it("stops guessing one account from one address after 5 failures for 15 minutes, and no one else", async () => {
    await fail("ada@example.com", "10.0.0.1", FAILURE_LIMITS.emailFromAddress - 1);
    expect(await wait("ada@example.com", "10.0.0.1")).toBe(0);
    await fail("ada@example.com", "10.0.0.1", 1);
    expect(await wait("ada@example.com", "10.0.0.1")).toBe(15);
    // The account's owner elsewhere, and other accounts from that address, still sign in.
    expect(await wait("ada@example.com", "10.0.0.9")).toBe(0);
    expect(await wait("bob@example.com", "10.0.0.1")).toBe(0);
    expect(await wait("ada@example.com", "10.0.0.1", new Date(start.getTime() + WINDOW_MS - 60_000))).toBe(1);
    expect(await wait("ada@example.com", "10.0.0.1", new Date(start.getTime() + WINDOW_MS))).toBe(0);
  });

  it("stops an address trying many accounts, and an account guessed from many addresses", async () => {
    for (let i = 0; i < FAILURE_LIMITS.address; i++) await fail(`stuffing-${i}@example.com`, "10.0.1.1", 1);
    expect(await wait("anyone@example.com", "10.0.1.1")).toBe(15);
    for (let i = 0; i < FAILURE_LIMITS.email; i++) await fail("eve-target@example.com", `10.0.2.${i}`, 1);
    expect(await wait("eve-target@example.com", "10.0.3.1")).toBe(15);
  });

  it("forgets an account's failures after a successful sign-in, not the address's", async () => {
    await fail("carol@example.com", "10.0.0.2", FAILURE_LIMITS.emailFromAddress);
    await clearSignInFailures(db, "carol@example.com");
    expect(await wait("carol@example.com", "10.0.0.2")).toBe(0);
    expect(await db.authThrottle.findUnique({ where: { key: "ip:10.0.0.2" } })).not.toBeNull();
  });
});

// Spied on to see which sign-ups pay for a hash.
vi.mock("../../lib/auth/password", { spy: true });

describe("accounts", () => {
  const at = new Date("2026-05-02T10:00:00Z");

  it("refuse a second account for the same email", async () => {
    await createAccount(db, { email: "dora@example.com", password: "long enough" }, "10.1.0.1", at);
    await expect(createAccount(db, { email: "dora@example.com", password: "another one" }, "10.1.0.1", at)).rejects.toMatchObject({
      status: 409,
      code: "EMAIL_TAKEN",
    });
  });

  it("hash the password before looking the email up, so a taken email answers in the time a new one takes", async () => {
    await createAccount(db, { email: "erin@example.com", password: "long enough" }, "10.1.0.2", at);
    vi.mocked(passwords.hashPassword).mockClear();
    await expect(createAccount(db, { email: "erin@example.com", password: "a guess at it" }, "10.1.0.2", at)).rejects.toMatchObject({ status: 409 });
    expect(passwords.hashPassword).toHaveBeenCalledWith("a guess at it");
  });

  it("stop an address after 10 sign-ups a minute, or 5 taken emails in 15 minutes, and no other address", async () => {
    const burst = (i: number) => createAccount(db, { email: `burst-${i}@example.com`, password: "long enough" }, "10.1.1.1", at);
    for (let i = 0; i < SIGN_UP_LIMITS.perMinute; i++) await burst(i);
    await expect(burst(99)).rejects.toMatchObject({ status: 429, code: "TOO_MANY_SIGN_UPS", message: "Too many sign-ups from your network. Try again in 1 minute." });
    expect(await createAccount(db, { email: "elsewhere@example.com", password: "long enough" }, "10.1.1.2", at)).toMatchObject({ email: "elsewhere@example.com" });
    const later = new Date(at.getTime() + 60_000);
    expect(await createAccount(db, { email: "burst-99@example.com", password: "long enough" }, "10.1.1.1", later)).toMatchObject({ email: "burst-99@example.com" });

    // Probing for registered emails: each "taken" answer counts, and the fifth ends the probing for 15 minutes.
    for (let i = 0; i < SIGN_UP_LIMITS.takenEmails; i++) {
      await expect(createAccount(db, { email: `burst-${i}@example.com`, password: "long enough" }, "10.1.1.3", at)).rejects.toMatchObject({ status: 409 });
    }
    await expect(createAccount(db, { email: "fresh-one@example.com", password: "long enough" }, "10.1.1.3", at)).rejects.toMatchObject({
      status: 429,
      message: "Too many sign-ups from your network. Try again in 15 minutes.",
    });
  });
});
