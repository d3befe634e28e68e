import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issuePasswordReset, resetLinkEmail, resetPassword } from "../../lib/auth/password-reset";
import { verifyPassword } from "../../lib/auth/password";
import { listDecks } from "../../lib/db/documents/decks";
import { chooseSampleDeck } from "../../lib/db/documents/sample-deck";
import { answerQuizQuestion } from "../../lib/db/quiz/answer";
import { startQuiz } from "../../lib/db/quiz/attempts";
import { overrideTypedAnswer } from "../../lib/db/quiz/override";
import { gradeReview } from "../../lib/db/review/grade";
import { planStudySession } from "../../lib/db/review/study-session";
import type { Db } from "../../lib/db/runtime/client";
import { parseStoredQuiz } from "../../lib/quiz";
import { CardState } from "../../lib/scheduler";
import { createUser, databaseWithDefaultDeck } from "./test-db";

let db: Db;
let documentId: string;
let databaseUrl: string;
const now = new Date("2026-03-10T15:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
let counter = 0;
const requestId = () => `first-run-${Date.now()}-${counter++}`;

beforeAll(async () => {
  ({ db, documentId, url: databaseUrl } = await databaseWithDefaultDeck("first-run"));
});
afterAll(async () => db.$disconnect());

describe("the sample deck", () => {
  it("is not given to a new account; taking it shows it, putting it away hides it and keeps the progress", async () => {
    const user = await createUser(db, "newcomer@example.com", { sampleDeck: false });
    expect(await listDecks(db, user.id)).toEqual([]);
    expect((await planStudySession(db, user, now)).session.counts).toEqual({ new: 0, learning: 0, review: 0 });

    expect(await chooseSampleDeck(db, user.id, true, now)).toBe(documentId);
    expect((await listDecks(db, user.id)).map((d) => [d.id, d.builtin])).toEqual([[documentId, true]]);
    const { session } = await planStudySession(db, user, now);
    const sampleCards = await db.card.count({ where: { documentId } });
    expect(session.counts.new).toBe(Math.min(20, sampleCards));
    await gradeReview(db, user, { cardId: session.queue[0].cardId, rating: 4, clientRequestId: requestId(), durationMs: 0 }, now);

    await chooseSampleDeck(db, user.id, false, now);
    expect(await listDecks(db, user.id)).toEqual([]);
    await expect(gradeReview(db, user, { cardId: session.queue[1].cardId, rating: 3, clientRequestId: requestId(), durationMs: 0 }, now)).rejects.toMatchObject({ name: "NotFound" });

    await chooseSampleDeck(db, user.id, true, now);
    await chooseSampleDeck(db, user.id, true, now); // twice is once
    expect((await planStudySession(db, user, now)).session.counts.new).toBe(Math.min(19, sampleCards - 1));
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("'I was right' on a typed quiz answer", () => {
  it("counts the answer as right, records the override, and turns the lapse it caused into a review", async () => {
    const user = await createUser(db, "overrider@example.com");
    const { quiz } = await startQuiz(db, user.id, { documentId, topicId: null, count: 20 }, now, "override-seed");
    const questions = parseStoredQuiz((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).questions).questions;
    const typed = questions.findIndex((q) => q.type === "typed");
    const choice = questions.findIndex((q) => q.type !== "typed");
    expect(typed).toBeGreaterThanOrEqual(0);
    const cardId = questions[typed].cardId;
    // The card is in review and due: a wrong quiz answer is its lapse.
    await gradeReview(db, user, { cardId, rating: 4, clientRequestId: requestId(), durationMs: 0 }, new Date(now.getTime() - 30 * 86_400_000));
    await db.cardState.updateMany({ where: { userId: user.id, cardId }, data: { due: minutes(-60) } });
    const before = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId } });

    const wrong = await answerQuizQuestion(db, user, quiz.id, { questionIndex: typed, answer: "my own words", clientRequestId: requestId(), durationMs: 0 }, now);
    expect(wrong).toMatchObject({ correct: false, schedule: "lapse", correctCount: 0 });
    expect((await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId } })).state).toBe(CardState.Relearning);

    const right = await overrideTypedAnswer(db, user, quiz.id, typed, minutes(1));
    expect(right).toMatchObject({ correct: true, overridden: true, schedule: "reviewed", correctCount: 1, replayed: false });
    const after = await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId } });
    expect(after).toMatchObject({ state: CardState.Review, lapses: before.lapses });
    expect(after.due.getTime()).toBeGreaterThan(now.getTime() + 86_400_000);
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, mode: "QUIZ", cardId } });
    expect(log).toMatchObject({ rating: 3, correct: true, quizAnswer: "my own words", state: CardState.Review });
    const stored = parseStoredQuiz((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).questions).questions[typed];
    expect(stored.response).toMatchObject({ correct: true, overridden: true, given: "my own words" });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.id } })).correctCount).toBe(1);

    // Again: the same result, nothing changes twice.
    expect(await overrideTypedAnswer(db, user, quiz.id, typed, minutes(2))).toMatchObject({ correct: true, replayed: true, correctCount: 1 });
    expect((await db.cardState.findFirstOrThrow({ where: { userId: user.id, cardId } })).due).toEqual(after.due);

    // Only typed answers, only once answered, only the quiz's owner.
    await answerQuizQuestion(db, user, quiz.id, { questionIndex: choice, answer: "nonsense", clientRequestId: requestId(), durationMs: 0 }, now);
    await expect(overrideTypedAnswer(db, user, quiz.id, choice, now)).rejects.toMatchObject({ code: "NOT_TYPED" });
    const unanswered = questions.findIndex((q, i) => i !== typed && i !== choice);
    await expect(overrideTypedAnswer(db, user, quiz.id, unanswered, now)).rejects.toMatchObject({ code: "NOT_ANSWERED" });
    const intruder = await createUser(db, "intruder-override@example.com");
    await expect(overrideTypedAnswer(db, intruder, quiz.id, typed, now)).rejects.toMatchObject({ name: "NotFound" });
  });
});

describe("password reset links", () => {
  it("work once, for 30 minutes, for their own account, end every session and every other open link", async () => {
    const user = await createUser(db, "forgetful@example.com");
    const other = await createUser(db, "bystander@example.com");
    const first = (await issuePasswordReset(db, user.email, now))!;
    const second = (await issuePasswordReset(db, user.email, now))!;
    const others = (await issuePasswordReset(db, other.email, now))!;
    expect(await issuePasswordReset(db, "nobody@example.com", now)).toBeNull();
    expect(await resetLinkEmail(db, first.token, minutes(29))).toBe(user.email);
    expect(first.expiresAt).toEqual(minutes(30));
    // Only a hash is stored.
    expect(await db.passwordReset.count({ where: { tokenHash: first.token } })).toBe(0);

    await expect(resetPassword(db, first.token, "a brand new secret", minutes(30))).rejects.toMatchObject({ code: "RESET_LINK_EXPIRED", status: 410 });
    await expect(resetPassword(db, `${first.token}x`, "a brand new secret", now)).rejects.toMatchObject({ code: "RESET_LINK_INVALID", status: 400 });
    await expect(resetPassword(db, "", "a brand new secret", now)).rejects.toMatchObject({ code: "RESET_LINK_INVALID" });

    expect(await resetPassword(db, first.token, "a brand new secret", minutes(5))).toBe(user.email);
    const changed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(changed.passwordHash, "a brand new secret")).toBe(true);
    expect(changed.sessionVersion).toBe(user.sessionVersion + 1);
    await expect(resetPassword(db, first.token, "another secret 123", minutes(6))).rejects.toMatchObject({ code: "RESET_LINK_USED" });
    await expect(resetPassword(db, second.token, "another secret 123", minutes(6))).rejects.toMatchObject({ code: "RESET_LINK_USED" });
    // The other account's link is its own, untouched.
    expect(await resetLinkEmail(db, others.token, minutes(6))).toBe(other.email);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash).toBe(other.passwordHash);
  });

  it("are printed by `npm run reset-password -- email`, for accounts that exist", async () => {
    const run = (email: string) =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/reset-password.ts", email], {
        env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: "https://keypoint.example.org", NEXTAUTH_SECRET: "x".repeat(40) },
        encoding: "utf8",
      });
    await createUser(db, "locked-out@example.com");
    const printed = run("Locked-Out@example.com");
      expect(printed.status).toBe(0);
      const link = /https:\/\/keypoint\.example\.org\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(printed.stdout);
      expect(link, printed.stdout + printed.stderr).not.toBeNull();
      expect(printed.stdout).toMatch(/expires in 30 minutes/);
      expect(await resetLinkEmail(db, link![1], new Date())).toBe("locked-out@example.com");
      expect(run("nobody-here@example.com")).toMatchObject({ status: 1, stderr: expect.stringMatching(/No account uses nobody-here@example.com/) });
    expect(run("not-an-email")).toMatchObject({ status: 2 });
  }, 60_000);
});
