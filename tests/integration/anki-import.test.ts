import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage, COLLECTION_VERSIONS, markEncrypted, zipBomb, type FixtureSpec } from "../../lib/anki/fixtures/build-package";
import { importStatus, startImport } from "../../lib/db/anki/imports";
import { runImportJob } from "../../lib/db/anki/run-import";
import { packagePath } from "../../lib/db/anki/package-store";
import { LostLease } from "../../lib/db/anki/staging";
import { browseCards } from "../../lib/db/cards/browse-cards";
import { listDecks } from "../../lib/db/documents/decks";
import type { Db } from "../../lib/db/runtime/client";
import { CardQuerySchema } from "../../lib/validation/cards";
import { sampleSpec, t0 } from "./anki-fixture";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const DAY = 86_400_000;

const dataDir = mkdtempSync(join(tmpdir(), "anki-import-test-"));
let db: Db;
beforeAll(async () => {
  ({ db } = await databaseWithDefaultDeck("anki-import"));
});
afterAll(async () => db.$disconnect());

async function importBytes(userId: string, bytes: Uint8Array, fileName = "deck.apkg") {
  const job = await startImport(db, userId, { bytes, fileName }, new Date(), { run: false, dataDir });
  return runImportJob(db, job.id, { packagePath: packagePath(job.id, dataDir), limits: { maxPackageBytes: 5_000_000, maxCollectionBytes: 2_000_000 } });
}

// Each test imports whole packages, some twice: minutes on a loaded machine.
describe("importing an Anki package", { timeout: 180_000 }, () => {
  for (const version of COLLECTION_VERSIONS) {
    it(`turns a ${version} collection into decks, cards and review history`, async () => {
      const user = await createUser(db, `anki-${version}@example.com`);
      const job = await importBytes(user.id, buildPackage(sampleSpec, version));
      expect(job?.status, job?.error ?? "").toBe("DONE");
      expect(job?.result).toMatchObject({ cards: 5, reviews: 5, media: 3, skippedCards: 1, alreadyImported: 0 });
      expect(job!.result!.scripts).toBeGreaterThanOrEqual(2);
      const decks = await listDecks(db, user.id);
      expect(decks.filter((d) => !d.builtin).map((d) => d.title).sort()).toEqual(["Biology", "Words"]);
      const cards = await db.card.findMany({ where: { document: { ownerId: user.id } }, include: { topic: true } });
      const basic = cards.find((c) => c.fingerprint === "anki:basic-1:0")!;
      expect(basic).toMatchObject({ kind: "BASIC", prompt: "What is the powerhouse of the cell?", answer: "The mitochondrion" });
      expect(basic.topic?.title).toBe("Cells");
      const cloze2 = cards.find((c) => c.fingerprint === "anki:cloze-1:1")!;
      expect(cloze2).toMatchObject({ kind: "CLOZE", prompt: "Ribosomes make proteins; [...] (organelle) digest waste.", answer: "lysosomes" });
      const hostile = cards.find((c) => c.fingerprint === "anki:hostile-1:0")!;
      expect(`${hostile.prompt} ${hostile.answer} ${hostile.source}`).not.toMatch(/<script|onerror|alert\(/i);
      expect(hostile).toMatchObject({ prompt: "bonjour", answer: "hello" });

      const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { reviewedAt: "asc" } });
      expect(logs.filter((l) => l.cardId === basic.id).map((l) => [l.rating, l.durationMs, l.reviewedAt.getTime()])).toEqual([
        [3, 9000, t0], [3, 6000, t0 + DAY], [1, 12000, t0 + 4 * DAY], [3, 4000, t0 + 4 * DAY + 600_000],
      ]);
      const state = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: basic.id } });
      expect(state.lapses).toBe(1);
      expect(state.stability).toBeGreaterThan(0);
      const cloze1 = cards.find((c) => c.fingerprint === "anki:cloze-1:0")!;
      expect((await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId: cloze1.id } })).suspended).toBe(true);
      expect(await db.user.count({ where: { email: { endsWith: "staging.keypoint.invalid" } } })).toBe(0);
      // the card browser finds the imported question by its words and shows it as a basic card
      const found = await browseCards(db, user, CardQuerySchema.parse({ q: "powerhouse", kind: "basic" }), new Date());
      expect(found.cards.map((c) => [c.id, c.kind])).toEqual([[basic.id, "basic"]]);
    });
  }

  it("adds nothing twice when the same package is imported again", async () => {
    const user = await createUser(db, "anki-again@example.com");
    const bytes = buildPackage(sampleSpec, "anki21b");
    await importBytes(user.id, bytes);
    const again = await importBytes(user.id, bytes);
    expect(again?.result).toMatchObject({ cards: 0, reviews: 0, alreadyImported: 5 });
    expect(await db.card.count({ where: { document: { ownerId: user.id } } })).toBe(5);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(5);
  });

  it("refuses bad packages with one sentence and stores nothing", async () => {
    const user = await createUser(db, "anki-bad@example.com");
    const refusedOnUpload: [Uint8Array, RegExp][] = [
      [markEncrypted(buildPackage(sampleSpec, "anki21")), /^This package is password-protected/],
      [new TextEncoder().encode("this is not a zip at all"), /^This file is damaged/],
      [buildPackage({ ...sampleSpec, metaVersion: 4 }, "anki21b"), /newer Anki/],
    ];
    for (const [bytes, message] of refusedOnUpload) {
      await expect(startImport(db, user.id, { bytes, fileName: "bad.apkg" }, new Date(), { run: false, dataDir })).rejects.toThrow(message);
    }
    const failedWhileImporting: [Uint8Array, RegExp][] = [
      [zipBomb(3_000_000), /^This package would unpack to 3 MB \(the limit is 2 MB\)/],
      [buildPackage({ ...sampleSpec, schema: 19 }, "anki21b"), /schema 19, newer than the 18/],
      [buildPackage({ notes: [] }, "anki2"), /no cards/],
    ];
    for (const [bytes, message] of failedWhileImporting) {
      const job = await importBytes(user.id, bytes);
      expect(job?.status).toBe("FAILED");
      expect(job?.error).toMatch(message);
    }
    expect(await db.card.count({ where: { document: { ownerId: user.id } } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.user.count({ where: { email: { endsWith: "staging.keypoint.invalid" } } })).toBe(0);
  });

  it("shows nothing of a run cut off, and finishes it when another run takes over", async () => {
    const user = await createUser(db, "anki-cut@example.com");
    const many: FixtureSpec = {
      notes: Array.from({ length: 2500 }, (_, i) => ({
        guid: `n${i}`,
        noteType: "basic" as const,
        deck: "Big deck",
        fields: [`Question ${i}`, `Answer ${i}`],
        cards: [{ ord: 0, type: 2, queue: 2, ivl: 3, revlog: [{ at: t0 + i * 1000, ease: 3, type: 0 }] }],
      })),
    };
    const bytes = buildPackage(many, "anki21");
    const job = await startImport(db, user.id, { bytes, fileName: "cut.apkg" }, new Date(), { run: false, dataDir });
    // The process dies after its first batch: no clean-up runs, the job stays RUNNING.
    const died = await runImportJob(db, job.id, {
      packagePath: packagePath(job.id, dataDir),
      onProgress: () => {
        throw new LostLease();
      },
    });
    expect(died?.error ?? "").toBe("");
    expect(died).toMatchObject({ status: "RUNNING" });
    expect(await db.card.count({ where: { document: { ownerId: user.id } } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect((await listDecks(db, user.id)).filter((d) => !d.builtin)).toEqual([]);

    // Once its heartbeat is stale, asking for the status starts it again from the package.
    await db.ankiImport.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 60_000) } });
    const resumed = await runImportJob(db, job.id, { packagePath: packagePath(job.id, dataDir) });
    expect(resumed).toMatchObject({ status: "DONE", result: { cards: 2500, reviews: 2500 } });
    expect(await db.card.count({ where: { document: { ownerId: user.id } } })).toBe(2500);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2500);
    expect(await db.user.count({ where: { email: { endsWith: "staging.keypoint.invalid" } } })).toBe(0);
    await expect(importStatus(db, user.id, job.id, new Date())).resolves.toMatchObject({ status: "DONE" });
  });
});
