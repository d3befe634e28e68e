import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlOf, type Db } from "../../lib/db/runtime/client";
import { listDecks } from "../../lib/db/documents/decks";
import { importDocument, previewDeckInWorker } from "../../lib/db/documents/deck-jobs";
import { saveDeck } from "../../lib/db/documents/save-deck";
import { generateDeck } from "../../lib/generator";
import { MAX_UPLOAD_BYTES } from "../../lib/validation/documents";
import { denseProse } from "../support/dense-prose";
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

  it("previews on the deck worker the cards the generator gives, as a JSON body", async () => {
    const body = JSON.parse(new TextDecoder().decode(await previewDeckInWorker(lecture)));
    const { title, topics, cards, candidates, words } = generateDeck(lecture);
    expect(body).toEqual({ title, topics, cards, candidates, words, text: lecture });
    await expect(previewDeckInWorker("  \n ")).rejects.toMatchObject({ name: "GeneratorError", code: "EMPTY", message: "The document is empty." });
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

  it("saves a document at the size limit (2 MB less a byte of dense prose) whole, while other requests are answered", async () => {
    const owner = await createUser(db, "big-importer@example.com");
    const neighbour = await createUser(db, "neighbour-reads@example.com");
    const text = denseProse(MAX_UPLOAD_BYTES - 1);
    expect(Buffer.byteLength(text)).toBe(MAX_UPLOAD_BYTES - 1);
    let finished = false;
    const importing = importDocument(db, owner.id, text, []).finally(() => (finished = true));
    // Another user's page reads while the import runs: each is answered before the import ends.
    const answeredDuring: boolean[] = [];
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await listDecks(db, neighbour.id);
      waits.push(performance.now() - started);
      answeredDuring.push(!finished);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const saved = await importing;
    console.log(`import at the limit: ${saved.cardCount} cards; reads during it took ${waits.map((ms) => ms.toFixed(1)).join(", ")} ms`);
    expect(answeredDuring).toEqual([true, true, true, true, true]);
    expect(saved.created).toBe(true);
    expect(saved.cardCount).toBeGreaterThan(2_000);
    expect(await db.card.count({ where: { documentId: saved.documentId } })).toBe(saved.cardCount);
    expect((await db.document.findUniqueOrThrow({ where: { id: saved.documentId } })).sourceText).toHaveLength(text.length);
  }, 180_000);

  it("keeps studied cards of a document's new version and drops the rest, in batches over the bound-value limit", async () => {
    const learner = await createUser(db, "versions@example.com");
    const v1 = denseProse(400_000);
    const first = await saveDeck(sqlOf(db), { builtinKey: "versioned" }, v1, generateDeck(v1));
    const cards = await db.card.findMany({ where: { documentId: first.document.id }, orderBy: { position: "asc" } });
    expect(cards.length).toBeGreaterThan(900);
    const studied = cards.at(-1)!;
    await db.reviewLog.create({
      data: {
        userId: learner.id, cardId: studied.id, clientRequestId: "studied-1", mode: "REVIEW", rating: 3, reviewedAt: new Date(), durationMs: 1, prevState: 0,
        prevDue: new Date(), prevStability: 0, prevDifficulty: 0, prevElapsedDays: 0, prevScheduledDays: 0, prevLearningSteps: 0, prevReps: 0, prevLapses: 0,
        state: 1, due: new Date(), stability: 1, difficulty: 5, scheduledDays: 0,
      },
    });
    // The new version keeps only the first sections: most cards (and topics) go, the studied one stays.
    const v2 = v1.slice(0, 20_000);
    const second = await saveDeck(sqlOf(db), { builtinKey: "versioned" }, v2, generateDeck(v2));
    expect(second).toEqual({ document: { id: first.document.id, title: first.document.title }, created: false });
    const left = await db.card.findMany({ where: { documentId: first.document.id }, select: { id: true, fingerprint: true } });
    const v2Fingerprints = new Set(generateDeck(v2).cards.map((card) => card.id));
    expect(left.map((card) => card.id)).toContain(studied.id);
    expect(left.filter((card) => card.id !== studied.id).every((card) => v2Fingerprints.has(card.fingerprint))).toBe(true);
    expect(left.length).toBe(v2Fingerprints.size + (v2Fingerprints.has(studied.fingerprint) ? 0 : 1));
    const topics = await db.topic.count({ where: { documentId: first.document.id } });
    expect(topics).toBeLessThanOrEqual(generateDeck(v2).topics.length + 1);
  }, 120_000);
});
