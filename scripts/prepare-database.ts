// Creates the database if needed, applies migrations and loads the default deck.
import { loadEnv } from "../lib/config/env";
import { createDb } from "../lib/db/runtime/client";
import { fillCardSearchText } from "../lib/db/ops/card-search-text";
import { seedDefaultDeck } from "../lib/db/ops/default-deck";
import { purgeDeletedDocuments } from "../lib/db/documents/remove-deck";
import { applyMigrations } from "../lib/db/ops/migrate";
import { ensurePrivateDir } from "../lib/db/runtime/private-files";

export async function prepareDatabase(env = loadEnv()): Promise<void> {
  // The data folder (the sign-in secret, the SQLite database by default) is this user's only.
  ensurePrivateDir(env.dataDir);
  const applied = await applyMigrations(env.database);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createDb(env.database);
  try {
    const { document, created } = await seedDefaultDeck(db);
    if (created) console.log(`Loaded the default deck "${document.title}".`);
    const filled = await fillCardSearchText(db);
    if (filled) console.log(`Made ${filled} cards searchable.`);
    const purged = await purgeDeletedDocuments(db, new Date());
    if (purged) console.log(`Purged ${purged} documents deleted more than 30 days ago.`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
