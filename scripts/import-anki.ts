// `npm run import-anki -- deck.apkg --user someone@example.com`: imports an Anki package
// (.apkg / .colpkg) for a user, as Settings → Import does, printing the progress and what it did.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabase } from "../lib/config/database-url";
import { AnkiPackageError } from "../lib/anki/errors";
import { importView, startImport } from "../lib/db/anki/imports";
import { packagePath } from "../lib/db/anki/package-store";
import { runImportJob } from "../lib/db/anki/run-import";
import { createDb } from "../lib/db/runtime/client";
import { DomainError } from "../lib/db/runtime/errors";

const USAGE = "usage: npm run import-anki -- <file.apkg|file.colpkg> --user <email>";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { user: { type: "string" } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || !values.user) {
    console.error(USAGE);
    return 2;
  }
  const db = createDb(resolveDatabase(process.env.DATABASE_URL));
  try {
    const user = await db.user.findUnique({ where: { email: values.user.trim().toLowerCase() } });
    if (!user) {
      console.error(`No user has the email ${values.user}.`);
      return 1;
    }
    const bytes = await readFile(file);
    const dataDir = path.resolve(process.env.KEYPOINT_DATA_DIR || "data");
    const job = await startImport(db, user.id, { bytes, fileName: path.basename(file) }, new Date(), { run: false, dataDir });
    let shown = -1;
    const done = await runImportJob(db, job.id, {
      packagePath: packagePath(job.id, dataDir),
      onProgress: (phase, progress) => {
        const percent = Math.floor(progress * 100);
        if (percent >= shown + 5) console.log(`${phase}: ${(shown = percent)}%`);
      },
    });
    const view = importView(done!);
    if (view.status !== "DONE") {
      console.error(view.error ?? `The import is ${view.status.toLowerCase()}.`);
      return 1;
    }
    for (const line of view.messages) console.log(line);
    for (const document of view.documents) console.log(`  ${document.title}: ${document.cards} new cards${document.merged ? " (added to the deck imported before)" : ""}`);
    return 0;
  } catch (error) {
    if (error instanceof AnkiPackageError || error instanceof DomainError || (error as NodeJS.ErrnoException).code === "ENOENT") {
      console.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
