/**
 * Figure 10 (Anki): importing a large collection (50k notes with 1M review log rows, built by
 * the fixture builder as Anki's schema 11) from package to handed-over decks, and exporting
 * 10k cards with their schedule and history as an .apkg. One run each: minutes of data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildPackage, type FixtureNote } from "../../lib/anki/fixtures/build-package";
import { exportAnkiPackage } from "../../lib/db/anki/export-package";
import { startImport } from "../../lib/db/anki/imports";
import { packagePath } from "../../lib/db/anki/package-store";
import { runImportJob } from "../../lib/db/anki/run-import";
import type { Db } from "../../lib/db/runtime/client";
import { log } from "../measure";
import { row, type DbKind, type Row } from "../report";

const DAY = 86_400_000;

/** `notes` notes in `decks` decks, each with `reviewsPerNote` answers a few days apart. */
function collection(notes: number, decks: number, reviewsPerNote: number) {
  const start = Date.UTC(2022, 0, 1);
  const list: FixtureNote[] = Array.from({ length: notes }, (_, i) => ({
    guid: `bench-${i}`,
    noteType: i % 3 === 0 ? "cloze" : "basic",
    deck: `Bench ${i % decks}::Part ${i % 7}`,
    fields: i % 3 === 0 ? [`Fact number {{c1::${i}}} is about <b>topic ${i % 97}</b>.`, ""] : [`Question ${i}?`, `Answer <i>${i}</i>`],
    cards: [{
      ord: 0, type: 2, queue: 2, ivl: 20,
      revlog: Array.from({ length: reviewsPerNote }, (_, r) => ({ at: start + i * 997 + r * 3 * DAY, ease: r % 9 === 4 ? 1 : 3, type: r === 0 ? 0 : 1, timeMs: 5000 + (r % 5) * 1000 })),
    }],
  }));
  return buildPackage({ notes: list, createdSeconds: Math.floor(start / 1000) }, "anki21");
}

export async function ankiFigures(db: Db, kind: DbKind, quick: boolean): Promise<Row[]> {
  const notes = quick ? 2_000 : 50_000;
  const reviews = 20;
  const exportCards = quick ? 1_000 : 10_000;
  // One deck is exported: it holds exportCards of the notes.
  const decks = notes / exportCards;
  const folder = mkdtempSync(join(tmpdir(), "bench-anki-"));
  try {
    log(`figure 10: building an Anki package of ${notes} notes in ${decks} decks, ${notes * reviews} review log rows`);
    const bytes = collection(notes, decks, reviews);
    writeFileSync(join(folder, "bench.apkg"), bytes);
    const user = await db.user.create({ data: { email: `anki-bench-${Date.now()}@bench.keypoint.test`, passwordHash: "-" } });
    const started = performance.now();
    const job = await startImport(db, user.id, { bytes, fileName: "bench.apkg" }, new Date(), { run: false, dataDir: folder });
    const done = await runImportJob(db, job.id, { packagePath: packagePath(job.id, folder) });
    const importMs = performance.now() - started;
    if (done?.status !== "DONE") throw new Error(`bench import ended ${done?.status}: ${done?.error}`);
    const size = `${notes} notes, ${(notes * reviews).toLocaleString("en-US")} revlog, ${(bytes.length / 1024 / 1024).toFixed(0)} MB`;

    const document = done.result!.documents[0];
    // Exports one deck of the import, with its whole history.
    const exportStarted = performance.now();
    const exported = await exportAnkiPackage(db, user.id, { documentId: document.id, withScheduling: true }, new Date());
    const exportMs = performance.now() - exportStarted;
    return [
      row({ figure: "10 Anki import, package → decks", db: kind, size, unit: "s", median: importMs / 1000, target: quick ? null : "≤ 60 s", met: quick ? null : importMs <= 60_000 }),
      row({ figure: "10 Anki export with history", db: kind, size: `${exported.cards} cards (${exportCards} asked), ${exported.cards * reviews} logs`, unit: "s", median: exportMs / 1000, target: quick ? null : "≤ 10 s", met: quick ? null : exportMs <= 10_000 }),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
