import { createDb, type Db } from "../../lib/db/runtime/client";
import { seedDefaultDeck } from "../../lib/db/ops/default-deck";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

/** A fresh migrated database of the kind DATABASE_URL names, with the default deck loaded. */
export async function databaseWithDefaultDeck(label: string): Promise<{ db: Db; documentId: string; url: string }> {
  const target = await freshDatabase(process.env.DATABASE_URL, label);
  const db = createDb(target);
  const { document } = await seedDefaultDeck(db);
  return { db, documentId: document.id, url: target.url };
}

/**
 * A user who took the sample (default) deck, which these tests study; `sampleDeck: false` for
 * a new account as sign-up makes it, with no deck at all.
 */
export async function createUser(db: Db, email: string, settings: { timeZone?: string; dailyNewLimit?: number; sampleDeck?: boolean } = {}) {
  const { sampleDeck = true, ...rest } = settings;
  return db.user.create({ data: { email, passwordHash: "not-used-here", ...(sampleDeck ? { sampleDeck: { create: {} } } : {}), ...rest } });
}
