import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/runtime/client";
import { editCard } from "../../lib/db/review/card-edits";
import { gradeReview, undoReview } from "../../lib/db/review/grade";
import { loadStudySession } from "../../lib/db/review/study-session";
import { answerLabels } from "../../components/review/answer-labels";
import { CardState, gradeCard, newCardMemory, parseCardMemory, retrievabilityAt, settingsFromUser } from "../../lib/scheduler";
import { createUser, databaseWithDefaultDeck } from "./test-db";

let db: Db;
let documentId: string;
const now = new Date("2026-03-10T15:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let requestCounter = 0;
const requestId = () => `req-${Date.now()}-${requestCounter++}`;

beforeAll(async () => {
  ({ db, documentId } = await databaseWithDefaultDeck("review"));
});
afterAll(async () => db.$disconnect());

async function firstCard(user: { id: string } & Parameters<typeof loadStudySession>[1], at = now) {
  const session = await loadStudySession(db, user, at);
  return session.cards[0];
}

describe("review session and grading", () => {
  it("serves new cards within the daily limit and shows the interval of each answer", async () => {
    const user = await createUser(db, "limits@example.com", { dailyNewLimit: 3 });
    const session = await loadStudySession(db, user, now);
    expect(session.counts).toEqual({ new: 3, learning: 0, review: 0 });
    expect(session.cards[0].memory.state).toBe(CardState.New);
    expect(answerLabels(session.cards[0].id, session.cards[0].memory, session.scheduler, session.now)).toMatchObject({ 1: "1m", 3: "10m" });
    for (const card of session.cards) await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 1000 }, now);
    const after = await loadStudySession(db, user, now);
    expect(after.counts.new).toBe(0);
    // The same day, in a new session: the limit still holds.
    const unseen = await db.card.findFirst({ where: { documentId, states: { none: { userId: user.id } } } });
    await expect(gradeReview(db, user, { cardId: unseen!.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, later(1))).rejects.toMatchObject({
      name: "Conflict",
      code: "NEW_LIMIT",
    });
  });

  it("applies a retried submission once and answers with the same result", async () => {
    const user = await createUser(db, "retry@example.com");
    const card = await firstCard(user);
    const request = { cardId: card.id, rating: 3 as const, clientRequestId: requestId(), durationMs: 4200 };
    const first = await gradeReview(db, user, request, now);
    const again = await gradeReview(db, user, request, later(1));
    expect(again).toEqual({ ...first, replayed: true });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("applies 20 simultaneous copies of one answer exactly once", async () => {
    const user = await createUser(db, "burst@example.com");
    const card = await firstCard(user);
    const request = { cardId: card.id, rating: 3 as const, clientRequestId: requestId(), durationMs: 900 };
    const results = await Promise.all(Array.from({ length: 20 }, () => gradeReview(db, user, request, now)));
    expect(new Set(results.map((r) => r.reviewLogId)).size).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    expect(state.reps).toBe(1);
  });

  it("serialises two different answers racing for one card", async () => {
    const user = await createUser(db, "race@example.com");
    const card = await firstCard(user);
    await Promise.allSettled([
      gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now),
      gradeReview(db, user, { cardId: card.id, rating: 1, clientRequestId: requestId(), durationMs: 0 }, now),
    ]);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: { prevReps: "asc" } });
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    // Replaying the stored answers in order gives exactly the stored state: nothing interleaved or lost.
    const settings = settingsFromUser(user);
    let memory = newCardMemory(now);
    for (const log of logs) {
      expect(log.prevReps).toBe(memory.reps);
      memory = gradeCard({ cardId: card.id, memory, rating: log.rating, now: log.reviewedAt, settings }).memory;
    }
    expect(parseCardMemory(state)).toEqual(memory);
    expect(state.reps).toBe(logs.length);
  });

  it("undoes the last answer exactly, once", async () => {
    const user = await createUser(db, "undo@example.com");
    const card = await firstCard(user);
    const first = await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    const second = await gradeReview(db, user, { cardId: card.id, rating: 4, clientRequestId: requestId(), durationMs: 0 }, later(11));
    expect((await db.cardState.findUniqueOrThrow({ where: { id: before.id } })).state).toBe(2);

    await expect(undoReview(db, user.id, first.reviewLogId)).rejects.toMatchObject({ code: "NOT_LATEST" });
    expect(await undoReview(db, user.id, second.reviewLogId)).toEqual({ cardId: card.id, undone: true });
    expect(await undoReview(db, user.id, second.reviewLogId)).toEqual({ cardId: null, undone: false });
    const restored = await db.cardState.findUniqueOrThrow({ where: { id: before.id } });
    expect(parseCardMemory(restored)).toEqual(parseCardMemory(before));
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses cards that are not due, unknown, or another user's", async () => {
    const owner = await createUser(db, "owner@example.com");
    const intruder = await createUser(db, "intruder@example.com");
    const card = await firstCard(owner);
    await gradeReview(db, owner, { cardId: card.id, rating: 4, clientRequestId: requestId(), durationMs: 0 }, now);
    await expect(gradeReview(db, owner, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, later(1))).rejects.toMatchObject({
      name: "Conflict",
      code: "NOT_DUE",
    });
    await expect(gradeReview(db, owner, { cardId: "no-such-card", rating: 3, clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject({
      name: "NotFound",
    });

    const privateDoc = await db.document.create({ data: { ownerId: owner.id, title: "Private", sourceText: "x", contentHash: "private" } });
    const privateCard = await db.card.create({
      data: { documentId: privateDoc.id, fingerprint: "f", kind: "CLOZE", prompt: "A [...] b", answer: "c", source: "A c b", quality: 1 },
    });
    await expect(gradeReview(db, intruder, { cardId: privateCard.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject({
      name: "NotFound",
    });
    const logs = await db.reviewLog.findMany({ where: { userId: owner.id } });
    await expect(undoReview(db, intruder.id, logs[0].id)).rejects.toMatchObject({ name: "NotFound" });
    expect(await db.reviewLog.count({ where: { userId: owner.id } })).toBe(1);
  });

  it("serves a review backlog over the daily limit lowest recall first, and reports the rest", async () => {
    const user = await createUser(db, "backlog@example.com");
    await db.user.update({ where: { id: user.id }, data: { dailyReviewLimit: 5 } });
    const cards = await db.card.findMany({ where: { documentId }, take: 12, orderBy: { position: "asc" } });
    // The longest overdue cards are the strongest ones: lowest recall is not earliest due.
    const states = cards.map((card, i) => ({
      userId: user.id,
      cardId: card.id,
      documentId,
      state: 2,
      stability: [400, 3, 250, 12, 90, 1.5, 60, 30, 8, 150, 5, 20][i],
      difficulty: 5,
      scheduledDays: 10,
      reps: 3,
      lastReview: new Date(now.getTime() - (11 + ((i * 7) % 12)) * 86_400_000),
      due: new Date(now.getTime() - (12 - i) * 86_400_000),
    }));
    await db.cardState.createMany({ data: states });
    const limited = { ...user, dailyReviewLimit: 5 };
    const session = await loadStudySession(db, limited, now);
    expect(session.counts.review).toBe(5);
    expect(session.backlogBeyondLimit).toBe(7);
    const recall = (i: number) => retrievabilityAt(parseCardMemory({ ...states[i], elapsedDays: 0, learningSteps: 0, lapses: 0 }), now, settingsFromUser(limited))!;
    const lowestFive = cards.map((card, i) => ({ id: card.id, recall: recall(i) })).sort((a, b) => a.recall - b.recall).slice(0, 5);
    const served = session.cards.filter((c) => c.queue === "review").map((c) => c.id);
    expect(new Set(served)).toEqual(new Set(lowestFive.map((card) => card.id)));
    expect(served[0]).toBe(lowestFive[0].id);
  });

  it("keeps a user's edit and suspension on their own state, without touching the shared card or the card's history", async () => {
    const user = await createUser(db, "editor@example.com");
    const other = await createUser(db, "reader@example.com");
    const card = await firstCard(user);
    const graded = await gradeReview(db, user, { cardId: card.id, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });

    const answer = "my own answer";
    const prompt = card.kind === "cloze" ? "My words around [...] here" : "My question?";
    const options = card.kind === "choice" ? [answer, ...card.options!.filter((o) => o !== card.answer).slice(0, 2)] : undefined;
    expect(await editCard(db, user.id, card.id, { prompt, answer, options }, later(1))).toMatchObject({ prompt, answer, suspended: false });
    // A later change of one field keeps the others.
    expect(await editCard(db, user.id, card.id, { suspended: true }, later(2))).toMatchObject({ prompt, answer, suspended: true });

    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    const edits = { version: undefined, updatedAt: undefined, customPrompt: undefined, customAnswer: undefined, customOptions: undefined, searchText: undefined, suspended: undefined };
    expect({ ...after, ...edits }).toEqual({ ...before, ...edits });
    expect(after.version).toBe(before.version + 2);
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: card.id } })).toBe(1);
    expect((await db.reviewLog.findUniqueOrThrow({ where: { id: graded.reviewLogId } })).cardId).toBe(card.id);
    // Another user still sees the card as generated; a never-studied card edited gets a New state.
    expect((await firstCard(other)).prompt).not.toBe(prompt);
    const unseen = (await loadStudySession(db, other, now)).cards.find((c) => c.kind === "cloze")!;
    expect(await editCard(db, other.id, unseen.id, { suspended: true }, now)).toMatchObject({ suspended: true, prompt: unseen.prompt });
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: other.id, cardId: unseen.id } } })).toMatchObject({ state: 0, version: 0, suspended: true });
  });
});
