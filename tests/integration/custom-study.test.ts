import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeReview, undoReview } from "../../lib/db/review/grade";
import { loadStudySession } from "../../lib/db/review/study-session";
import type { Db } from "../../lib/db/runtime/client";
import { parseCardMemory } from "../../lib/scheduler";
import { createUser, databaseWithDefaultDeck } from "./test-db";

const now = new Date("2026-03-10T15:00:00Z");
const DAY = 86_400_000;
let db: Db;
let documentId: string;
let counter = 0;
const requestId = () => `custom-${Date.now()}-${counter++}`;

beforeAll(async () => {
  ({ db, documentId } = await databaseWithDefaultDeck("custom_study"));
});
afterAll(async () => db.$disconnect());

const yesterday = new Date(now.getTime() - DAY);

/**
 * A user who learned some cards yesterday (Easy: straight to review, days away), the first
 * `count` of the default deck or these ones, with nothing else left today.
 */
async function caughtUp(email: string, count: number, cardIds?: string[]) {
  const user = await createUser(db, email, { dailyNewLimit: count });
  const learned = cardIds ? cardIds.map((id) => ({ id })) : (await loadStudySession(db, user, yesterday)).cards.slice(0, count);
  for (const card of learned) await gradeReview(db, user, { cardId: card.id, rating: 4, clientRequestId: requestId(), durationMs: 0 }, yesterday);
  await db.user.update({ where: { id: user.id }, data: { dailyNewLimit: 0 } });
  return { user: { ...user, dailyNewLimit: 0 }, learned };
}

/** The default deck's topic with the most cards, and its first two cards. */
async function biggestTopic() {
  const topics = await db.topic.findMany({ where: { documentId }, include: { cards: { orderBy: { position: "asc" }, select: { id: true } } } });
  const topic = topics.sort((a, b) => b.cards.length - a.cards.length)[0];
  return { topicId: topic.id, cardIds: topic.cards.slice(0, 2).map((card) => card.id) };
}

describe("custom study", () => {
  it("reviews ahead the cards due in the next days, moving their schedule, and refuses cards due later", async () => {
    const { user, learned } = await caughtUp("ahead@example.com", 4);
    const later = new Date(now.getTime() + 60 * 60_000);
    expect((await loadStudySession(db, user, later)).cards).toHaveLength(0);
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    // The cards answered today (here, in the review ahead) are not shown again today.
    const days = Math.ceil((Math.max(...states.map((s) => s.due.getTime())) - now.getTime()) / DAY) + 1;
    const ahead = await loadStudySession(db, user, later, { study: { kind: "ahead", days } });
    expect(ahead.cards.map((c) => c.id).sort()).toEqual(learned.map((c) => c.id).sort());
    expect(ahead.counts.review).toBe(4);

    const card = ahead.cards[0];
    await expect(gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, later)).rejects.toMatchObject({ code: "NOT_DUE" });
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0, study: { kind: "ahead", days } }, later);
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    expect(after.reps).toBe(before.reps + 1);
    expect((await loadStudySession(db, user, later, { study: { kind: "ahead", days } })).cards.map((c) => c.id)).not.toContain(card.id);
    const soon = await loadStudySession(db, user, later, { study: { kind: "ahead", days: 1 } });
    expect(soon.cards.length).toBeLessThan(3);
  });

  it("studies a topic again as practice: every card of it, the schedule untouched, and undo takes the answer back", async () => {
    const { topicId, cardIds } = await biggestTopic();
    const { user } = await caughtUp("practice@example.com", 2, cardIds);
    const topicCards = await db.card.findMany({ where: { topicId }, orderBy: { position: "asc" } });
    const study = { kind: "topic" as const, topicId, reschedule: false };
    const session = await loadStudySession(db, user, now, { study });
    expect(session.complete).toBe(true);
    expect(session.cards.map((c) => c.id)).toEqual(topicCards.map((c) => c.id));

    const statesBefore = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    const answers = [];
    for (const card of session.cards) answers.push(await gradeReview(db, user, { cardId: card.id, rating: 1, clientRequestId: requestId(), durationMs: 0, study }, now));
    const statesAfter = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(statesAfter.map(parseCardMemory)).toEqual(statesBefore.map(parseCardMemory));
    expect(await db.reviewLog.count({ where: { userId: user.id, mode: "PRACTICE" } })).toBe(topicCards.length);
    // Practice does not count against the day's limits, and it is undone like any answer of the review screen.
    expect(await undoReview(db, user.id, answers.at(-1)!.reviewLogId, now)).toEqual({ cardId: session.cards.at(-1)!.id, undone: true });
    expect(await db.reviewLog.count({ where: { userId: user.id, mode: "PRACTICE" } })).toBe(topicCards.length - 1);

    const elsewhere = await db.card.findFirstOrThrow({ where: { documentId, topicId: { not: topicId } } });
    await expect(gradeReview(db, user, { cardId: elsewhere.id, rating: 3, clientRequestId: requestId(), durationMs: 0, study }, now)).rejects.toMatchObject({ code: "NOT_IN_TOPIC" });
  });

  it("studies a topic again moving the schedule when the user chooses so, and never shows suspended cards", async () => {
    const { topicId, cardIds } = await biggestTopic();
    const { user } = await caughtUp("reschedule@example.com", 2, cardIds);
    const cardId = cardIds[0];
    const study = { kind: "topic" as const, topicId, reschedule: true };
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    await gradeReview(db, user, { cardId, rating: 1, clientRequestId: requestId(), durationMs: 0, study }, now);
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(after.lapses).toBe(before.lapses + 1);
    expect(after.due.getTime()).toBeLessThan(before.due.getTime());
    await db.cardState.update({ where: { id: after.id }, data: { suspended: true } });
    expect((await loadStudySession(db, user, now, { study })).cards.map((c) => c.id)).not.toContain(cardId);

    const other = await createUser(db, "topic-intruder@example.com");
    const privateDoc = await db.document.create({ data: { ownerId: user.id, title: "Mine", sourceText: "x", contentHash: "mine-topic" } });
    const privateTopic = await db.topic.create({ data: { documentId: privateDoc.id, path: "1", title: "Private", order: 0 } });
    await expect(loadStudySession(db, other, now, { study: { kind: "topic", topicId: privateTopic.id, reschedule: false } })).rejects.toMatchObject({ name: "NotFound" });
  });
});
