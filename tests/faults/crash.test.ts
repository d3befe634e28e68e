// No lost or doubled reviews: review grades and quiz answers are driven at a real
// `next start`, the server is killed with SIGKILL mid-stream and restarted, the clients
// resend what was not acknowledged with the same request ids, and the stored history is
// checked: each acknowledged answer stored once, every card's state equal to replaying its
// logs with the scheduler, every quiz attempt's answers matching its logs.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generateDeck } from "../../lib/generator";
import { signedInClient, sleep, type Client, type Reply, seededAppServer } from "./app-server";
import { checkQuizAttempts, checkReviewHistory } from "./check-history";

const USERS = 5;
const TARGET = Number(process.env.FAULTS_SUBMISSIONS ?? 320);
const KILLS = Number(process.env.FAULTS_KILLS ?? 3);
const KILL_AT = Array.from({ length: KILLS }, (_, i) => Math.round(((i + 1) * TARGET) / (KILLS + 1)));
const QUIZ_SHARE = 0.25;
const RETRY_DEADLINE_MS = 90_000;


const app = seededAppServer("faults_crash");

interface Submission {
  kind: "grade" | "quiz";
  userId: string;
  path: string;
  body: Record<string, unknown>;
  clientRequestId: string;
  attempts: number;
  outcome?: { status: number; body: unknown };
}

/** Again and Hard keep cards in today's learning queue, so a few hundred answers stay gradable. */
function pickRating(): number {
  const roll = Math.random();
  return roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.95 ? 3 : 4;
}

it("keeps every acknowledged answer exactly once across SIGKILLs, and state equals the replayed logs", async () => {
  const clients: { client: Client; userId: string }[] = [];
  for (let i = 0; i < USERS; i++) {
    const { client, email } = await signedInClient(app.server.url, `crash${i}`);
    clients.push({ client, userId: (await app.db.user.findUniqueOrThrow({ where: { email } })).id });
  }

  const submissions: Submission[] = [];
  let started = 0;
  let kills = 0;
  let resent = 0;
  let up = true;
  let restarted: Promise<void> = Promise.resolve();

  function maybeKill() {
    if (!up || kills >= KILL_AT.length || started < KILL_AT[kills]!) return;
    up = false;
    kills++;
    restarted = (async () => {
      // Let the requests in flight reach the app.server, then cut them off.
      await sleep(5 + Math.random() * 30);
      await app.server.kill();
      await sleep(200);
      await app.server.start();
      up = true;
    })();
  }

  /** Any request until it gets a definite answer (not 5xx, not a cut connection), resent as is. */
  async function definite(send: () => Promise<Reply>, onResend?: () => void): Promise<Reply> {
    const deadline = Date.now() + RETRY_DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) onResend?.();
      try {
        const reply = await send();
        if (reply.status < 500) return reply;
      } catch {
        // cut off by the kill
      }
      if (Date.now() > deadline) throw new Error("no definite answer within the deadline");
      await restarted;
      await sleep(50);
    }
  }

  async function submit(client: Client, submission: Submission) {
    submissions.push(submission);
    started++;
    maybeKill();
    const reply = await definite(
      () => {
        submission.attempts++;
        return client.post(submission.path, submission.body);
      },
      () => resent++,
    );
    submission.outcome = { status: reply.status, body: reply.body };
  }

  async function drive({ client, userId }: { client: Client; userId: string }) {
    let quiz: { id: string; questionCount: number; next: number } | null = null;
    while (started < TARGET) {
      if (Math.random() < QUIZ_SHARE) {
        if (!quiz || quiz.next >= quiz.questionCount) {
          if (quiz) await definite(() => client.post(`/api/quiz/${quiz!.id}/finish`));
          const reply = await definite(() => client.post("/api/quiz", { documentId: app.defaultDeckId, topicId: null, count: 10 }));
          expect(reply.status, reply.text).toBeLessThan(300);
          const view = (reply.body as { quiz: { id: string; questionCount: number; answeredCount: number } }).quiz;
          quiz = { id: view.id, questionCount: view.questionCount, next: view.answeredCount };
          continue;
        }
        const clientRequestId = randomUUID();
        await submit(client, {
          kind: "quiz",
          userId,
          path: `/api/quiz/${quiz.id}/answer`,
          body: { questionIndex: quiz.next, answer: Math.random() < 0.5 ? "a guess" : "", clientRequestId, durationMs: 2000 },
          clientRequestId,
          attempts: 0,
        });
        quiz.next++;
        continue;
      }
      const session = await definite(() => client.get("/api/review/session"));
      const cards = (session.body as { cards: { id: string }[] }).cards;
      if (cards.length === 0) return;
      const card = cards[Math.floor(Math.random() * Math.min(3, cards.length))]!;
      const clientRequestId = randomUUID();
      await submit(client, {
        kind: "grade",
        userId,
        path: "/api/review/grade",
        body: { cardId: card.id, rating: pickRating(), clientRequestId, durationMs: 1500 },
        clientRequestId,
        attempts: 0,
      });
    }
  }

  await Promise.all(clients.map(drive));
  await restarted;

  const acked = submissions.filter((s) => s.outcome?.status === 200);
  const refused = submissions.filter((s) => s.outcome && s.outcome.status !== 200);
  const replayed = acked.filter((s) => {
    const body = s.outcome!.body as { result?: { replayed?: boolean } };
    return body.result?.replayed;
  }).length;
  const userIds = clients.map((c) => c.userId);

  // Every acknowledged answer is stored exactly once, under the acknowledged log id.
  let missing = 0;
  let wrong = 0;
  for (const submission of acked) {
    const logs = await app.db.reviewLog.findMany({ where: { userId: submission.userId, clientRequestId: submission.clientRequestId } });
    const result = (submission.outcome!.body as { result: { reviewLogId?: string; questionIndex?: number } }).result;
    if (logs.length !== 1) missing++;
    else if (submission.kind === "grade" && (logs[0]!.id !== result.reviewLogId || logs[0]!.rating !== submission.body.rating || logs[0]!.mode !== "REVIEW")) wrong++;
    else if (submission.kind === "quiz" && (logs[0]!.mode !== "QUIZ" || result.questionIndex !== submission.body.questionIndex)) wrong++;
  }
  // Nothing else was stored: a refused submission left no log.
  const storedLogs = await app.db.reviewLog.count({ where: { userId: { in: userIds } } });
  const history = await checkReviewHistory(app.db, userIds);
  const quizzes = await checkQuizAttempts(app.db, userIds);
  const graded = submissions.filter((s) => s.kind === "grade").length;

  console.log(
    `faults/crash: ${submissions.length} submissions driven (${graded} grades, ${submissions.length - graded} quiz answers; ` +
      `${acked.length} acknowledged, ${refused.length} refused with 4xx [${[...new Set(refused.map((s) => (s.outcome!.body as { error?: { code?: string } })?.error?.code))].join(", ")}]), ` +
      `${kills} SIGKILLs survived, ${resent} resends, ${replayed} answered as replays; ${storedLogs} logs over ${history.cards} cards and ${quizzes.attempts} quiz attempts; ` +
      `${missing} missing/doubled, ${wrong} wrong, ${history.problems.length} state mismatches, ${quizzes.problems.length} quiz mismatches`,
  );
  if (history.problems.length) console.log(history.problems.slice(0, 10));
  if (quizzes.problems.length) console.log(quizzes.problems.slice(0, 10));

  expect(kills).toBe(KILL_AT.length);
  expect(submissions.length).toBeGreaterThanOrEqual(TARGET * 0.9);
  expect(submissions.every((s) => s.outcome !== undefined)).toBe(true);
  expect(refused.every((s) => s.outcome!.status >= 400 && s.outcome!.status < 500)).toBe(true);
  expect(missing).toBe(0);
  expect(wrong).toBe(0);
  expect(storedLogs).toBe(acked.length);
  expect(history.problems).toEqual([]);
  expect(quizzes.problems).toEqual([]);

  // The checks would have seen damage: a state write without its log, and a log without its state write.
  const [someLog] = await app.db.reviewLog.findMany({ where: { userId: userIds[0], mode: "REVIEW" }, orderBy: { reviewedAt: "desc" }, take: 1 });
  await app.db.cardState.updateMany({ where: { userId: userIds[0], cardId: someLog!.cardId }, data: { stability: { increment: 1 } } });
  expect((await checkReviewHistory(app.db, [userIds[0]!])).problems.length).toBeGreaterThan(0);
  await app.db.cardState.updateMany({ where: { userId: userIds[0], cardId: someLog!.cardId }, data: { stability: { decrement: 1 } } });
  expect((await checkReviewHistory(app.db, [userIds[0]!])).problems).toEqual([]);
  await app.db.reviewLog.delete({ where: { id: someLog!.id } });
  expect((await checkReviewHistory(app.db, [userIds[0]!])).problems.length).toBeGreaterThan(0);
});

it("an import cut off by SIGKILL leaves the whole document or nothing, and its retry saves it once", async () => {
  const { client, email } = await signedInClient(app.server.url, "import-crash");
  const userId = (await app.db.user.findUniqueOrThrow({ where: { email } })).id;
  const fixtures = ["sleep-lecture.txt", "coral-podcast.txt", "grid-batteries.md"].map((name) => readFileSync(`lib/generator/fixtures/${name}`, "utf8"));
  // Six different documents (a note makes each text new), cut off after longer and longer delays.
  const texts = [0, 1].flatMap((round) => fixtures.map((text) => (round ? `${text}\n\nNote: this copy was imported in round ${round + 1}.\n` : text)));
  const delays = [10, 60, 120, 200, 350, 600];
  let kills = 0;
  let committedBeforeKill = 0;
  for (const [index, text] of texts.entries()) {
    const draft = generateDeck(text);
    // Cut the server off while the import is on its way.
    const inFlight = client.post("/api/documents", { text }).catch(() => null);
    await sleep(delays[index]! + Math.random() * 20);
    await app.server.kill();
    kills++;
    await inFlight;
    await app.server.start();
    const docs = await app.db.document.findMany({ where: { ownerId: userId }, include: { _count: { select: { cards: true, topics: true } } } });
    for (const doc of docs) {
      const expected = generateDeck(doc.sourceText);
      expect(doc._count.cards, `document ${doc.title}`).toBe(expected.cards.length);
      expect(doc._count.topics, `document ${doc.title}`).toBe(expected.topics.length);
    }
    // The client resends; the same text never makes a second document.
    const retry = await client.post("/api/documents", { text });
    expect([200, 201]).toContain(retry.status);
    if (retry.status === 200) committedBeforeKill++;
    const again = await client.post("/api/documents", { text });
    expect(again.status).toBe(200);
    expect((again.body as { documentId: string }).documentId).toBe((retry.body as { documentId: string }).documentId);
    const saved = await app.db.document.findUniqueOrThrow({ where: { id: (retry.body as { documentId: string }).documentId }, include: { _count: { select: { cards: true } } } });
    expect(saved._count.cards).toBe(draft.cards.length);
  }
  expect(await app.db.document.count({ where: { ownerId: userId } })).toBe(texts.length);
  console.log(`faults/crash: ${kills} imports cut off by SIGKILL, ${committedBeforeKill} had committed before the kill; each left whole or absent, saved once on retry`);
});
