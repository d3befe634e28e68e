import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/runtime/client";
import { listDecks } from "../../lib/db/documents/decks";
import { importDocument } from "../../lib/db/documents/import-document";
import { generateDeck } from "../../lib/generator";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");
let db: Db;
beforeAll(async () => {
  ({ db } = await databaseWithDefaultDeck("import"));
});
afterAll(async () => db.$disconnect());

describe("importing a document", () => {
  it("saves the kept cards once, for its owner only", async () => {
    const owner = await createUser(db, "importer@example.com");
    const other = await createUser(db, "neighbour@example.com");
    const first = await importDocument(db, owner.id, lecture, []);
    expect(first.created).toBe(true);
    const again = await importDocument(db, owner.id, lecture, []);
    expect(again).toEqual({ ...first, created: false });

    const decks = await listDecks(db, owner.id);
    expect(decks.map((d) => d.title)).toContain("Lecture 7: Sleep and Memory Consolidation");
    expect(decks.find((d) => d.id === first.documentId)?.cardCount).toBe(first.cardCount);
    expect((await listDecks(db, other.id)).map((d) => d.id)).not.toContain(first.documentId);
  });

  it("keeps only the cards the user did not drop", async () => {
    const owner = await createUser(db, "picky@example.com");
    const all = await importDocument(db, owner.id, `${lecture}\n`, []);
    const picky = await createUser(db, "pickier@example.com");
    const cards = await db.card.findMany({ where: { documentId: all.documentId }, select: { fingerprint: true } });
    const kept = await importDocument(db, picky.id, lecture, [cards[0].fingerprint, cards[1].fingerprint]);
    expect(kept.cardCount).toBe(cards.length - 2);
    expect(await db.card.count({ where: { documentId: kept.documentId } })).toBe(cards.length - 2);
  });

  it("saves exactly the cards ticked in the preview, extra candidates included", async () => {
    const owner = await createUser(db, "ticker@example.com");
    const draft = generateDeck(lecture);
    expect(draft.candidates.length).toBeGreaterThan(0);
    const ticked = [draft.cards[0].id, draft.cards[2].id, draft.candidates[0].id];
    const saved = await importDocument(db, owner.id, lecture, [], ticked);
    expect(saved.cardCount).toBe(3);
    const stored = await db.card.findMany({ where: { documentId: saved.documentId }, select: { fingerprint: true, prompt: true } });
    expect(stored.map((c) => c.fingerprint).sort()).toEqual([...ticked].sort());
    expect(stored.find((c) => c.fingerprint === draft.candidates[0].id)?.prompt).toBe(draft.candidates[0].prompt);
  });

  it("refuses text that makes no cards, with a readable reason", async () => {
    const owner = await createUser(db, "empty@example.com");
    await expect(importDocument(db, owner.id, "   ", [])).rejects.toMatchObject({ name: "GeneratorError", code: "EMPTY", message: "The document is empty." });
    await expect(importDocument(db, owner.id, "\u0000\u0001\u0002binary", [])).rejects.toMatchObject({ name: "GeneratorError", code: "BINARY" });
    const lecturer = await createUser(db, "nothing-kept@example.com");
    await expect(importDocument(db, lecturer.id, lecture, [], [])).rejects.toMatchObject({ code: "NO_CARDS_KEPT" });
  });
});
