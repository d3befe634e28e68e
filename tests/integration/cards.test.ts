import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard } from "../../lib/db/cards/add-card";
import { browseCards } from "../../lib/db/cards/browse-cards";
import { applyCardAction } from "../../lib/db/cards/card-actions";
import { importDocument } from "../../lib/db/documents/deck-jobs";
import { editCard } from "../../lib/db/review/card-edits";
import { gradeReview } from "../../lib/db/review/grade";
import { loadStudySession } from "../../lib/db/review/study-session";
import type { Db } from "../../lib/db/runtime/client";
import { CardQuerySchema, type CardQuery } from "../../lib/validation/cards";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const cellNotes = readFileSync("tests/fixtures/documents/study-notes-cell-biology.md", "utf8");
const photosynthesis = readFileSync("tests/fixtures/documents/lecture-handout-photosynthesis.txt", "utf8");
const now = new Date("2026-03-10T15:00:00Z");
let db: Db;
let defaultDeckId: string;
let counter = 0;
const requestId = () => `cards-${Date.now()}-${counter++}`;
const query = (fields: Partial<CardQuery> = {}) => CardQuerySchema.parse(fields);

beforeAll(async () => {
  ({ db, documentId: defaultDeckId } = await databaseWithDefaultDeck("cards"));
});
afterAll(async () => db.$disconnect());

async function ownDeck(email: string) {
  const user = await createUser(db, email);
  const { documentId, cardCount } = await importDocument(db, user.id, cellNotes);
  return { user, documentId, cardCount };
}

describe("the card browser", () => {
  it("lists the user's cards one page at a time, the newest deck first, with every card counted once", async () => {
    const { user, documentId: older, cardCount: olderCount } = await ownDeck("pages@example.com");
    const { documentId, cardCount: newerCount } = await importDocument(db, user.id, photosynthesis);
    const cardCount = olderCount + newerCount;
    const defaultCards = await db.card.count({ where: { documentId: defaultDeckId } });
    const first = await browseCards(db, user, query(), now);
    expect(first.total).toBe(cardCount + defaultCards);
    expect(first.total).toBeGreaterThan(50);
    expect(first.cards).toHaveLength(50);
    expect(first.cards[0]).toMatchObject({ documentId, owned: true, state: "new", due: null });
    const second = await browseCards(db, user, query({ page: 2 }), now);
    const ids = [...first.cards, ...second.cards].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(Math.min(100, cardCount + defaultCards));
    expect(first.decks.map((d) => d.id)).toEqual([documentId, older, defaultDeckId]);
    const one = await browseCards(db, user, query({ document: documentId }), now);
    expect(one.total).toBe(newerCount);
  });

  it("searches prompt, answer and source without minding case or accents, and the user's own wording too", async () => {
    const { user, documentId } = await ownDeck("search@example.com");
    const other = await createUser(db, "search-other@example.com");
    const cards = await db.card.findMany({ where: { documentId } });
    const containing = (text: string) => cards.filter((c) => [c.prompt, c.answer, c.options ?? "", c.source].join(" ").toLowerCase().includes(text)).map((c) => c.id).sort();
    const mitochondria = containing("mitochondri").map((id) => ({ id }));
    expect(mitochondria.length).toBeGreaterThan(0);
    const found = await browseCards(db, user, query({ q: "MITOCHONDRI" }), now);
    expect(found.cards.map((c) => c.id).sort()).toEqual(mitochondria.map((c) => c.id).sort());
    expect(found.total).toBe(mitochondria.length);
    // Every word must appear.
    expect((await browseCards(db, user, query({ q: "mitochondria zzzqqq" }), now)).total).toBe(0);
    const percent = await browseCards(db, user, query({ q: "0%", document: documentId }), now);
    expect(percent.cards.map((c) => c.id).sort()).toEqual(containing("0%"));
    expect(percent.total).toBeGreaterThan(0);

    const card = (await browseCards(db, user, query({ document: documentId, kind: "cloze" }), now)).cards[0];
    await editCard(db, user.id, card.id, { prompt: `Éclair note: ${card.prompt}` }, now);
    const edited = await browseCards(db, user, query({ q: "eclair" }), now);
    expect(edited.cards.map((c) => c.id)).toEqual([card.id]);
    expect(edited.cards[0]).toMatchObject({ edited: true, prompt: `Éclair note: ${card.prompt}` });
    // _ and % in a search are themselves, not LIKE's wildcards.
    expect((await browseCards(db, user, query({ q: "eclair_organelles" }), now)).total).toBe(0);
    // Another user's wording is theirs: it finds nothing for anyone else, nor do their documents.
    expect((await browseCards(db, other, query({ q: "eclair" }), now)).total).toBe(0);
    expect((await browseCards(db, other, query({ q: "mitochondri" }), now)).total).toBe(0);
    await expect(browseCards(db, other, query({ document: documentId }), now)).rejects.toMatchObject({ name: "NotFound" });
  });

  it("filters by state, suspension, due, lapses, kind and topic, and sorts by due, lapses and difficulty", async () => {
    const { user, documentId, cardCount } = await ownDeck("filters@example.com");
    const session = await loadStudySession(db, user, now, { documentId });
    const [easy, again, good] = session.cards;
    await gradeReview(db, user, { cardId: easy.id, rating: 4, clientRequestId: requestId(), durationMs: 0 }, now);
    await gradeReview(db, user, { cardId: again.id, rating: 1, clientRequestId: requestId(), durationMs: 0 }, now);
    await gradeReview(db, user, { cardId: good.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now);
    await applyCardAction(db, user.id, { action: "suspend", cardIds: [good.id] }, now);
    const only = async (fields: Partial<CardQuery>) => (await browseCards(db, user, query({ document: documentId, ...fields }), now)).cards.map((c) => c.id);

    expect(await only({ state: "review" })).toEqual([easy.id]);
    expect((await only({ state: "learning" })).sort()).toEqual([again.id, good.id].sort());
    expect(await only({ state: "new" })).toHaveLength(cardCount - 3);
    expect(await only({ suspended: "yes" })).toEqual([good.id]);
    expect(await only({ suspended: "no" })).toHaveLength(cardCount - 1);
    expect((await only({ due: "today" })).sort()).toEqual([again.id, good.id].sort());
    expect(await only({ sort: "due" })).toEqual(expect.arrayContaining([again.id, good.id, easy.id]));
    expect((await only({ sort: "due" })).slice(0, 3)).toEqual([again.id, good.id, easy.id].slice(0, 3).sort((a, b) => (a === easy.id ? 1 : b === easy.id ? -1 : 0)));
    expect((await only({ sort: "difficulty" }))[0]).toBe(again.id);
    const cloze = await only({ kind: "cloze" });
    expect(cloze.length).toBeGreaterThan(0);
    expect(await db.card.count({ where: { id: { in: cloze }, kind: "CLOZE" } })).toBe(cloze.length);
    const topic = (await db.card.findFirstOrThrow({ where: { documentId, topicId: { not: null } } })).topicId!;
    expect(await only({ topic })).toHaveLength(await db.card.count({ where: { topicId: topic } }));

    // A leech: many lapses.
    await db.cardState.update({ where: { userId_cardId: { userId: user.id, cardId: easy.id } }, data: { lapses: 9 } });
    expect(await only({ lapses: 8 })).toEqual([easy.id]);
    expect((await only({ sort: "lapses" }))[0]).toBe(easy.id);
  });
});

describe("actions on a selection", () => {
  it("suspends, unsuspends and resets cards of any deck for the user alone, keeping their history", async () => {
    const { user } = await ownDeck("actions@example.com");
    const other = await createUser(db, "actions-other@example.com");
    const [card, fresh] = (await loadStudySession(db, user, now, { documentId: defaultDeckId })).cards;
    await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now);
    expect(await applyCardAction(db, user.id, { action: "suspend", cardIds: [card.id, fresh.id] }, now)).toEqual({ changed: 2 });
    expect((await browseCards(db, user, query({ suspended: "yes" }), now)).cards.map((c) => c.id).sort()).toEqual([card.id, fresh.id].sort());
    expect((await loadStudySession(db, user, now)).cards.map((c) => c.id)).not.toContain(fresh.id);
    expect((await browseCards(db, other, query({ suspended: "yes" }), now)).total).toBe(0);
    expect(await applyCardAction(db, user.id, { action: "unsuspend", cardIds: [card.id, fresh.id] }, now)).toEqual({ changed: 2 });

    expect(await applyCardAction(db, user.id, { action: "reset", cardIds: [card.id] }, now)).toEqual({ changed: 1 });
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } })).toMatchObject({ state: 0, reps: 0 });
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: card.id } })).toBe(1);
  });

  it("deletes and moves cards only in the user's own documents, and refuses a selection with anything else in it", async () => {
    const { user, documentId } = await ownDeck("delete-move@example.com");
    const intruder = await createUser(db, "delete-intruder@example.com");
    const cards = await db.card.findMany({ where: { documentId }, orderBy: { position: "asc" }, take: 3 });
    const shared = await db.card.findFirstOrThrow({ where: { documentId: defaultDeckId } });
    await gradeReview(db, user, { cardId: cards[0].id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now);

    await expect(applyCardAction(db, user.id, { action: "delete", cardIds: [cards[0].id, shared.id] }, now)).rejects.toMatchObject({ code: "SHARED_DECK" });
    await expect(applyCardAction(db, intruder.id, { action: "delete", cardIds: [cards[0].id] }, now)).rejects.toMatchObject({ name: "NotFound" });
    await expect(applyCardAction(db, intruder.id, { action: "suspend", cardIds: [cards[1].id] }, now)).rejects.toMatchObject({ name: "NotFound" });
    expect(await db.card.count({ where: { id: { in: [cards[0].id, shared.id] } } })).toBe(2);

    const target = await db.topic.findFirstOrThrow({ where: { documentId, id: { not: cards[1].topicId ?? undefined } } });
    expect(await applyCardAction(db, user.id, { action: "move", cardIds: [cards[1].id], topicId: target.id }, now)).toEqual({ changed: 1 });
    expect(await db.card.findUniqueOrThrow({ where: { id: cards[1].id } })).toMatchObject({ topicId: target.id, topicMoved: true });
    const sharedTopic = await db.topic.findFirstOrThrow({ where: { documentId: defaultDeckId } });
    await expect(applyCardAction(db, user.id, { action: "move", cardIds: [cards[1].id], topicId: sharedTopic.id }, now)).rejects.toMatchObject({ name: "NotFound" });
    await expect(applyCardAction(db, user.id, { action: "move", cardIds: [shared.id], topicId: null }, now)).rejects.toMatchObject({ code: "SHARED_DECK" });

    expect(await applyCardAction(db, user.id, { action: "delete", cardIds: [cards[0].id] }, now)).toEqual({ changed: 1 });
    expect(await db.card.count({ where: { id: cards[0].id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("adds a card by hand to the user's own document, checked like a generated one, and finds it by search", async () => {
    const { user, documentId } = await ownDeck("hand@example.com");
    const other = await createUser(db, "hand-other@example.com");
    const base = { documentId, topicId: null, kind: "cloze" as const, prompt: "The nucleolus makes [...] subunits.", answer: "ribosomal" };
    const { id } = await addCard(db, user.id, base, now);
    const found = await browseCards(db, user, query({ q: "nucleolus ribosomal" }), now);
    expect(found.cards.map((c) => c.id)).toContain(id);
    expect(found.cards.find((c) => c.id === id)).toMatchObject({ manual: true, source: "The nucleolus makes ribosomal subunits.", state: "new" });
    await expect(addCard(db, user.id, { ...base, prompt: "No gap in this one." }, now)).rejects.toMatchObject({ code: "BAD_CARD" });
    await expect(addCard(db, user.id, { ...base, prompt: "Ribosomal [...] are made in the nucleolus." }, now)).rejects.toMatchObject({ code: "BAD_CARD" });
    await expect(addCard(db, user.id, { ...base, kind: "choice", prompt: "Where are ribosomal subunits made?", answer: "Nucleolus", options: ["Golgi", "Lysosome"] }, now)).rejects.toMatchObject({ code: "BAD_CARD" });
    const choice = await addCard(db, user.id, { ...base, kind: "choice", prompt: "Where are ribosomal subunits made?", answer: "Nucleolus", options: ["Golgi", "Nucleolus", "Lysosome"] }, now);
    expect(choice.documentId).toBe(documentId);
    await expect(addCard(db, other.id, base, now)).rejects.toMatchObject({ name: "NotFound" });
    await expect(addCard(db, user.id, { ...base, documentId: defaultDeckId }, now)).rejects.toMatchObject({ code: "SHARED_DECK" });
    // It is studied like any new card of the deck.
    const session = await loadStudySession(db, { ...user, dailyNewLimit: 100 }, now, { documentId });
    expect(session.counts.new).toBe(await db.card.count({ where: { documentId } }));
  });
});
