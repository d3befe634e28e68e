import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../lib/anki/fixtures/build-package";
import { exportAnkiPackage } from "../../lib/db/anki/export-package";
import { startImport } from "../../lib/db/anki/imports";
import { packagePath } from "../../lib/db/anki/package-store";
import { runImportJob } from "../../lib/db/anki/run-import";
import type { Db } from "../../lib/db/runtime/client";
import { sampleSpec } from "./anki-fixture";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const folder = mkdtempSync(join(tmpdir(), "anki-export-test-"));
let db: Db;
let defaultDeckId: string;
beforeAll(async () => {
  ({ db, documentId: defaultDeckId } = await databaseWithDefaultDeck("anki-export"));
});
afterAll(async () => db.$disconnect());

async function importBytes(userId: string, bytes: Uint8Array) {
  const job = await startImport(db, userId, { bytes, fileName: "deck.apkg" }, new Date(), { run: false, dataDir: folder });
  const done = await runImportJob(db, job.id, { packagePath: packagePath(job.id, folder) });
  expect(done?.status, done?.error ?? "").toBe("DONE");
  return done!;
}

/** The package as Python's zipfile and sqlite3 read it. */
function readWithPython(bytes: Uint8Array) {
  const file = join(folder, `read-${Math.random().toString(36).slice(2)}.apkg`);
  writeFileSync(file, bytes);
  return JSON.parse(execFileSync("python3", ["tests/support/read-apkg.py", file], { encoding: "utf8" }));
}

// Each test imports and exports whole packages (and starts Python): minutes on a loaded machine.
describe("exporting Anki packages", { timeout: 180_000 }, () => {
  it("writes a package an independent reader opens, with notes, scheduling and the review log", async () => {
    const user = await createUser(db, "export-reader@example.com");
    const imported = await importBytes(user.id, buildPackage(sampleSpec, "anki21b"));
    const biology = imported.result!.documents.find((d) => d.title === "Biology")!;
    const exported = await exportAnkiPackage(db, user.id, { documentId: biology.id, withScheduling: true }, new Date());
    const read = readWithPython(exported.bytes);
    expect(read).toMatchObject({ integrity: "ok", ver: 11, decks: ["Biology", "Default"], media: {} });
    expect(read.files.sort()).toEqual(["collection.anki2", "media"]);
    expect(read.notes).toHaveLength(3);
    const cloze = read.notes.find((n: { fields: string[] }) => n.fields[0].includes("{{c1::lysosomes}}"));
    expect(read.models[cloze.mid]).toMatchObject({ type: 1, fields: ["Text", "Back Extra"] });
    expect(cloze.tags).toEqual(["Biology"]);
    const basic = read.notes.find((n: { fields: string[] }) => n.fields[0] === "What is the powerhouse of the cell?");
    expect(basic.tags.sort()).toEqual(["Biology", "Biology::Cells"]);
    expect(read.revlog.map((r: { ease: number; time: number }) => [r.ease, r.time])).toEqual([[3, 9000], [4, 8000], [3, 6000], [1, 12000], [3, 4000]]);
    const suspended = read.cards.filter((c: { queue: number }) => c.queue === -1);
    expect(suspended).toHaveLength(1);

    const plain = readWithPython((await exportAnkiPackage(db, user.id, { documentId: biology.id, withScheduling: false }, new Date())).bytes);
    expect(plain.revlog).toEqual([]);
    expect(plain.cards.every((c: { type: number; queue: number }) => c.type === 0 && c.queue === 0)).toBe(true);
  });

  it("keeps every card and answer through Keypoint → .apkg → Keypoint", async () => {
    const first = await createUser(db, "round-trip-a@example.com");
    await importBytes(first.id, buildPackage(sampleSpec, "anki2"));
    // All the user's decks, as the stats page exports them: the shared default deck comes along too.
    const exported = await exportAnkiPackage(db, first.id, { withScheduling: true }, new Date());
    expect(exported.cards).toBeGreaterThan(5);
    const second = await createUser(db, "round-trip-b@example.com");
    await importBytes(second.id, exported.bytes);

    const cardsOf = async (userId: string) =>
      (await db.card.findMany({ where: { document: { ownerId: userId, title: { in: ["Biology", "Words"] } } }, include: { topic: true, document: true } }))
        .map((c) => ({ kind: c.kind, prompt: c.prompt, answer: c.answer, options: c.options, document: c.document.title }))
        .sort((a, b) => a.prompt.localeCompare(b.prompt));
    expect(await cardsOf(second.id)).toEqual(await cardsOf(first.id));
    const logsOf = async (userId: string) =>
      (await db.reviewLog.findMany({ where: { userId }, include: { card: true }, orderBy: { reviewedAt: "asc" } })).map((l) => ({
        prompt: l.card.prompt, rating: l.rating, at: l.reviewedAt.getTime(), durationMs: l.durationMs, mode: l.mode,
      }));
    expect(await logsOf(second.id)).toEqual(await logsOf(first.id));
    const statesOf = async (userId: string) =>
      (await db.cardState.findMany({ where: { userId }, include: { card: true } })).map((s) => ({ prompt: s.card.prompt, suspended: s.suspended, state: s.state, lapses: s.lapses, reps: s.reps })).sort((a, b) => a.prompt.localeCompare(b.prompt));
    expect(await statesOf(second.id)).toEqual(await statesOf(first.id));
  });

  it("brings generated cloze and choice cards back as cloze and choice cards", async () => {
    const user = await createUser(db, "round-trip-generated@example.com");
    const exported = await exportAnkiPackage(db, user.id, { documentId: defaultDeckId, withScheduling: false }, new Date());
    const read = readWithPython(exported.bytes);
    const original = await db.card.findMany({ where: { documentId: defaultDeckId } });
    expect(read.notes).toHaveLength(original.length);
    const choice = original.find((c) => c.kind === "CHOICE")!;
    const note = read.notes.find((n: { fields: string[] }) => n.fields[1] === choice.answer.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(note.fields[2]).toMatch(/^<ol><li>/);

    const other = await createUser(db, "round-trip-generated-b@example.com");
    await importBytes(other.id, exported.bytes);
    const back = await db.card.findMany({ where: { document: { ownerId: other.id } } });
    const shape = (cards: typeof back) => cards.map((c) => [c.kind, c.prompt, c.answer, c.options ? JSON.parse(c.options) : null]).sort();
    expect(shape(back)).toEqual(shape(original));
  });

  it("refuses a deck the user cannot see", async () => {
    const owner = await createUser(db, "export-owner@example.com");
    const imported = await importBytes(owner.id, buildPackage(sampleSpec, "anki21"));
    const stranger = await createUser(db, "export-stranger@example.com");
    await expect(exportAnkiPackage(db, stranger.id, { documentId: imported.result!.documents[0].id, withScheduling: true }, new Date())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
