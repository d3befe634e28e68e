// Creates the database if needed, applies migrations and loads the default deck.
import { loadEnv } from "../lib/config/env";
import { createDb } from "../lib/db/runtime/client";
import { seedDefaultDeck } from "../lib/db/ops/default-deck";
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
