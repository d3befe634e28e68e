import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "../../lib/auth/change-password";
import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { FAILURE_LIMITS } from "../../lib/auth/throttle";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

let db: Db;
beforeAll(async () => {
  db = createDb(await freshDatabase(process.env.DATABASE_URL, "password_change"));
});
afterAll(async () => db.$disconnect());

const at = new Date("2026-05-01T10:00:00Z");

async function user(email: string) {
  return db.user.create({ data: { email, passwordHash: await hashPassword("old password 1") } });
}

describe("changing a password", () => {
  it("stores a new argon2id hash and bumps the session version, ending every session", async () => {
    const ada = await user("ada-pw@example.com");
    expect(await changePassword(db, ada.id, { currentPassword: "old password 1", newPassword: "new password 2" }, at)).toBe(1);
    const saved = await db.user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(saved.sessionVersion).toBe(1);
    expect(saved.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(saved.passwordHash, "new password 2")).toBe(true);
    expect(await verifyPassword(saved.passwordHash, "old password 1")).toBe(false);
  });

  it("refuses a wrong current password, changes nothing, and counts it as a failed sign-in", async () => {
    const bob = await user("bob-pw@example.com");
    await expect(changePassword(db, bob.id, { currentPassword: "guess", newPassword: "new password 2" }, at)).rejects.toMatchObject({ status: 403, code: "WRONG_PASSWORD" });
    const saved = await db.user.findUniqueOrThrow({ where: { id: bob.id } });
    expect(saved.sessionVersion).toBe(0);
    expect(saved.passwordHash).toBe(bob.passwordHash);
    expect((await db.authThrottle.findUniqueOrThrow({ where: { key: "email:bob-pw@example.com" } })).failures).toBe(1);
  });

  it("stops guessing through a stolen session after 5 wrong passwords", async () => {
    const carol = await user("carol-pw@example.com");
    for (let i = 0; i < FAILURE_LIMITS.emailFromAddress; i++) {
      await expect(changePassword(db, carol.id, { currentPassword: `guess ${i}`, newPassword: "new password 2" }, at)).rejects.toMatchObject({ status: 403 });
    }
    await expect(changePassword(db, carol.id, { currentPassword: "old password 1", newPassword: "new password 2" }, at)).rejects.toMatchObject({
      status: 429,
      code: "TOO_MANY_ATTEMPTS",
    });
  });

  it("refuses a new password equal to the current one", async () => {
    const dora = await user("dora-pw@example.com");
    await expect(changePassword(db, dora.id, { currentPassword: "old password 1", newPassword: "old password 1" }, at)).rejects.toMatchObject({ status: 400, code: "SAME_PASSWORD" });
  });
});
