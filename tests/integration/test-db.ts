import { createDb, type Db } from "../../lib/db/runtime/client";
import { seedDefaultDeck } from "../../lib/db/ops/default-deck";
import { freshDatabase } from "../../lib/db/ops/fresh-database";

/** A fresh migrated database of the kind DATABASE_URL names, with the default deck loaded. */
export async function databaseWithDefaultDeck(label: string): Promise<{ db: Db; documentId: string }> {
  const db = createDb(await freshDatabase(process.env.DATABASE_URL, label));
  const { document } = await seedDefaultDeck(db);
  return { db, documentId: document.id };
}

export async function createUser(db: Db, email: string, settings: { timeZone?: string; dailyNewLimit?: number } = {}) {
  return db.user.create({ data: { email, passwordHash: "not-used-here", ...settings } });
}
