import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDecks } from "../../lib/db/documents/decks";
import { saveDeckOptions } from "../../lib/db/documents/deck-options";
import { importDocument } from "../../lib/db/documents/deck-jobs";
import { deckFootprint, removeDeck, removedDecks, restoreDeck } from "../../lib/db/documents/remove-deck";
import { renameDocument } from "../../lib/db/documents/rename-document";
import { grantExtraNewCards } from "../../lib/db/review/extra-new-cards";
import { gradeReview } from "../../lib/db/review/grade";
import { countDue, loadStudySession, planStudySession } from "../../lib/db/review/study-session";
import type { Db } from "../../lib/db/runtime/client";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");
const batteries = readFileSync("lib/generator/fixtures/grid-batteries.md", "utf8");
const photosynthesis = readFileSync("tests/fixtures/documents/lecture-handout-photosynthesis.txt", "utf8");
const cellNotes = readFileSync("tests/fixtures/documents/study-notes-cell-biology.md", "utf8");
const now = new Date("2026-03-10T15:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * DAY);
let db: Db;
let defaultDeckId: string;
let counter = 0;
const requestId = () => `decks-${Date.now()}-${counter++}`;

beforeAll(async () => {
  ({ db, documentId: defaultDeckId } = await databaseWithDefaultDeck("decks"));
});
afterAll(async () => db.$disconnect());

/** Answers `count` cards of the user's session Good; the answered card ids. */
async function study(user: Parameters<typeof loadStudySession>[1], count: number, documentId?: string, when = now) {
  const answered: string[] = [];
  for (let i = 0; i < count; i++) {
    const [card] = (await loadStudySession(db, user, when, { documentId })).cards.filter((c) => !answered.includes(c.id));
    if (!card) break;
    await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 1000 }, when);
    answered.push(card.id);
  }
  return answered;
}

/** Every row that belongs to a user, to show another user's deletion leaves them alone. */
async function rowsOf(userId: string) {
  return JSON.stringify(
    await Promise.all([
      db.document.findMany({ where: { ownerId: userId }, orderBy: { id: "asc" } }),
      db.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } }),
      db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
      db.deckOptions.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    ]),
  );
}

describe("deleting a document", () => {
  it("names what it takes, hides it at once keeping its history for 30 days, then purges it, touching nothing of anyone else", async () => {
    const owner = await createUser(db, "deleter@example.com");
    const neighbour = await createUser(db, "neighbour-del@example.com");
    const { documentId } = await importDocument(db, owner.id, lecture);
    const mine = await importDocument(db, neighbour.id, lecture);
    await study(owner, 3, documentId);
    await study(neighbour, 3, mine.documentId);
    await study(neighbour, 2, defaultDeckId);
    const neighbourBefore = await rowsOf(neighbour.id);
    const cards = await db.card.count({ where: { documentId } });

    expect(await deckFootprint(db, owner.id, documentId)).toMatchObject({ cards, reviews: 3, builtin: false });
    const removed = await removeDeck(db, owner.id, documentId, now);
    expect(removed).toMatchObject({ cards, reviews: 3, purgeAt: at(30) });
    // Gone from the decks, the session and the document's routes; the history stays while it can come back.
    expect((await listDecks(db, owner.id)).map((d) => d.id)).not.toContain(documentId);
    expect((await loadStudySession(db, owner, at(1))).cards.every((c) => c.documentId !== documentId)).toBe(true);
    await expect(deckFootprint(db, owner.id, documentId)).rejects.toMatchObject({ name: "NotFound" });
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(3);
    expect((await removedDecks(db, owner.id, at(29))).map((d) => d.id)).toEqual([documentId]);

    // Another user can neither see nor restore it.
    await expect(restoreDeck(db, neighbour.id, documentId)).rejects.toMatchObject({ name: "NotFound" });
    await expect(removeDeck(db, neighbour.id, documentId, now)).rejects.toMatchObject({ name: "NotFound" });

    // Restored within 30 days, with its history; deleted again and left, it is purged with its cards and answers.
    expect(await restoreDeck(db, owner.id, documentId)).toMatchObject({ id: documentId });
    expect((await listDecks(db, owner.id)).map((d) => d.id)).toContain(documentId);
    await removeDeck(db, owner.id, documentId, now);
    expect(await removedDecks(db, owner.id, at(31))).toEqual([]);
    expect(await db.document.count({ where: { id: documentId } })).toBe(0);
    expect(await db.card.count({ where: { documentId } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(0);
    expect(await db.cardState.count({ where: { userId: owner.id } })).toBe(0);
    expect(await rowsOf(neighbour.id)).toBe(neighbourBefore);
    expect(await db.card.count({ where: { documentId: defaultDeckId } })).toBeGreaterThan(10);
  });

  it("removes the shared default deck for one user only, keeps their history of it, and brings it back", async () => {
    const user = await createUser(db, "no-podcast@example.com");
    const other = await createUser(db, "keeps-podcast@example.com");
    await study(user, 2, defaultDeckId);
    const removed = await removeDeck(db, user.id, defaultDeckId, now);
    expect(removed).toMatchObject({ builtin: true, reviews: 2, purgeAt: null });
    expect((await listDecks(db, user.id)).map((d) => d.id)).not.toContain(defaultDeckId);
    expect(await countDue(db, user, at(0))).toBe(0);
    expect((await listDecks(db, other.id)).map((d) => d.id)).toContain(defaultDeckId);
    expect(await countDue(db, other, now)).toBe(Math.min(20, await db.card.count({ where: { documentId: defaultDeckId } })));
    // Removed, not deleted: a month later it is still there to bring back, history and all.
    expect((await removedDecks(db, user.id, at(60))).map((d) => d.id)).toEqual([defaultDeckId]);
    await restoreDeck(db, user.id, defaultDeckId);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
    expect((await listDecks(db, user.id)).map((d) => d.id)).toContain(defaultDeckId);
    await expect(restoreDeck(db, user.id, defaultDeckId)).rejects.toMatchObject({ code: "NOT_REMOVED" });
  });

  it("renames the user's own document only", async () => {
    const user = await createUser(db, "renamer@example.com");
    const other = await createUser(db, "not-the-owner@example.com");
    const { documentId } = await importDocument(db, user.id, `${lecture}\n\n`);
    expect(await renameDocument(db, user.id, documentId, "Sleep, week 7")).toEqual({ id: documentId, title: "Sleep, week 7" });
    await expect(renameDocument(db, other.id, documentId, "Mine now")).rejects.toMatchObject({ name: "NotFound" });
    await expect(renameDocument(db, user.id, defaultDeckId, "My podcast")).rejects.toMatchObject({ code: "SHARED_DECK" });
    expect((await db.document.findUniqueOrThrow({ where: { id: defaultDeckId } })).title).not.toBe("My podcast");
  });
});

describe("per-deck limits", () => {
  it("keeps the default deck from crowding the user's own deck out of today's new cards", async () => {
    const user = await createUser(db, "crowded@example.com", { dailyNewLimit: 50 });
    const { documentId, cardCount } = await importDocument(db, user.id, cellNotes);
    const defaultCards = await db.card.count({ where: { documentId: defaultDeckId } });
    const ownInQueue = async () => (await planStudySession(db, user, now)).session.queue.filter((entry) => ownIds.has(entry.cardId)).length;
    const ownIds = new Set((await db.card.findMany({ where: { documentId }, select: { id: true } })).map((c) => c.id));
    // The default deck came first: with one shared limit its cards take the day's new cards first.
    expect(await countDue(db, user, now)).toBe(Math.min(50, defaultCards + cardCount));
    expect(await ownInQueue()).toBe(Math.min(cardCount, Math.max(0, 50 - defaultCards)));

    await saveDeckOptions(db, user.id, defaultDeckId, { newPerDay: 5, reviewsPerDay: null });
    expect(await countDue(db, user, now, defaultDeckId)).toBe(5);
    expect(await countDue(db, user, now)).toBe(Math.min(50, 5 + cardCount));
    expect(await ownInQueue()).toBe(Math.min(45, cardCount));
    // Studying the default deck uses up its 5; the next card of it is refused, the user's own deck keeps its share.
    expect(await study(user, 10, defaultDeckId)).toHaveLength(5);
    const sixth = await db.card.findFirstOrThrow({ where: { documentId: defaultDeckId, states: { none: { userId: user.id } } } });
    await expect(gradeReview(db, user, { cardId: sixth.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject({ code: "NEW_LIMIT" });
    expect(await countDue(db, user, now, documentId)).toBe(Math.min(45, cardCount));
  });

  it("lets a deck have more than the default while the global limit still caps the day, and adds today's extra new cards to both", async () => {
    const user = await createUser(db, "own-limit@example.com", { dailyNewLimit: 10 });
    const { documentId, cardCount } = await importDocument(db, user.id, photosynthesis);
    expect(cardCount).toBeGreaterThan(10);
    await saveDeckOptions(db, user.id, defaultDeckId, { newPerDay: 0, reviewsPerDay: 0 });
    await saveDeckOptions(db, user.id, documentId, { newPerDay: 30, reviewsPerDay: null });
    expect(await countDue(db, user, now, defaultDeckId)).toBe(0);
    expect(await countDue(db, user, now)).toBe(10);
    await db.user.update({ where: { id: user.id }, data: { dailyNewLimit: 40 } });
    const roomy = { ...user, dailyNewLimit: 40 };
    expect(await countDue(db, roomy, now)).toBe(Math.min(30, cardCount));
    await grantExtraNewCards(db, roomy, 5, now);
    const extra = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await countDue(db, extra, now, documentId)).toBe(Math.min(35, cardCount));
    expect(await countDue(db, extra, now, defaultDeckId)).toBe(5);
    // Tomorrow the extras are gone.
    expect(await countDue(db, extra, at(1), defaultDeckId)).toBe(0);
  });

  it("holds a deck's reviews to its own limit and counts the rest as held back", async () => {
    const user = await createUser(db, "reviews-limit@example.com", { dailyNewLimit: 100 });
    const { documentId } = await importDocument(db, user.id, `${batteries}\n\n`);
    const learned = await study(user, 12, documentId);
    // Graduate them: Easy from learning sends each card to review days away.
    for (const cardId of learned) await gradeReview(db, user, { cardId, rating: 4, clientRequestId: requestId(), durationMs: 0 }, new Date(now.getTime() + 15 * 60_000));
    await saveDeckOptions(db, user.id, documentId, { newPerDay: 0, reviewsPerDay: 4 });
    await saveDeckOptions(db, user.id, defaultDeckId, { newPerDay: 0, reviewsPerDay: null });
    const later = at(200);
    const session = await loadStudySession(db, user, later, { documentId });
    expect(session.counts.review).toBe(4);
    expect(session.backlogBeyondLimit).toBe(learned.length - 4);
  });
});
