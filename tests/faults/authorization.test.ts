// Authorisation matrix over HTTP: a second user tries every route on the first user's
// documents, cards, review logs and quiz attempts by id. Every attempt is refused with
// 403/404 and no row changes. Signed-out requests get 401 on every non-public /api route.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { discoverApiRoutes, fill, isPublic } from "./api-routes";
import { Client, signedInClient, type Reply, seededAppServer } from "./app-server";


const app = seededAppServer("faults_authz");

/** Every row of every user-data table, to compare before and after. */
async function snapshot(): Promise<string> {
  const [users, documents, topics, cards, states, logs, attempts] = await Promise.all([
    app.db.user.findMany({ orderBy: { id: "asc" } }),
    app.db.document.findMany({ orderBy: { id: "asc" } }),
    app.db.topic.findMany({ orderBy: { id: "asc" } }),
    app.db.card.findMany({ orderBy: { id: "asc" } }),
    app.db.cardState.findMany({ orderBy: { id: "asc" } }),
    app.db.reviewLog.findMany({ orderBy: { id: "asc" } }),
    app.db.quizAttempt.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ users, documents, topics, cards, states, logs, attempts });
}

it("refuses a second user every route on the first user's data, and changes nothing", async () => {
  // Alice: a private document, answers, an edit, a finished quiz and an open one.
  const { client: alice, email: aliceEmail } = await signedInClient(app.server.url, "alice");
  const aliceId = (await app.db.user.findUniqueOrThrow({ where: { email: aliceEmail } })).id;
  const imported = await alice.post("/api/documents", { text: readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8") });
  expect(imported.status).toBe(201);
  const docId = (imported.body as { documentId: string }).documentId;
  const session = await alice.get(`/api/review/session?deck=${docId}`);
  const cardIds = (session.body as { cards: { id: string }[] }).cards.map((card) => card.id);
  expect(cardIds.length).toBeGreaterThan(3);
  const requestIds: string[] = [];
  for (const cardId of cardIds.slice(0, 3)) {
    const clientRequestId = randomUUID();
    requestIds.push(clientRequestId);
    expect((await alice.post("/api/review/grade", { cardId, rating: 1, clientRequestId, deck: docId })).status).toBe(200);
  }
  expect((await alice.request("PATCH", `/api/cards/${cardIds[3]}`, { body: { prompt: "Alice's own wording [...]" } })).status).toBeLessThan(300);
  const [firstLog] = await app.db.reviewLog.findMany({ where: { userId: aliceId }, orderBy: { reviewedAt: "desc" }, take: 1 });
  const topic = await app.db.topic.findFirstOrThrow({ where: { documentId: docId } });
  const quizIds: string[] = [];
  const quizLogIds: string[] = [];
  if (discoverApiRoutes().some((route) => route.pattern === "/api/quiz")) {
    const finished = await alice.post("/api/quiz", { documentId: docId, topicId: null, count: 5 });
    expect(finished.status).toBe(201);
    const finishedId = (finished.body as { quiz: { id: string } }).quiz.id;
    const answered = await alice.post(`/api/quiz/${finishedId}/answer`, { questionIndex: 0, answer: "no idea", clientRequestId: randomUUID() });
    expect(answered.status).toBe(200);
    expect((await alice.post(`/api/quiz/${finishedId}/finish`)).status).toBe(200);
    const open = await alice.post("/api/quiz", { documentId: docId, topicId: topic.id, count: 5 });
    expect(open.status).toBe(201);
    quizIds.push(finishedId, (open.body as { quiz: { id: string } }).quiz.id);
    quizLogIds.push(...(await app.db.reviewLog.findMany({ where: { userId: aliceId, mode: "QUIZ" }, select: { id: true } })).map((log) => log.id));
  }

  // Bob knows every one of Alice's ids.
  const { client: bob } = await signedInClient(app.server.url, "bob");
  const defaultCard = await app.db.card.findFirstOrThrow({ where: { documentId: app.defaultDeckId } });
  const attempts: { what: string; send: () => Promise<Reply> }[] = [];
  const add = (what: string, send: () => Promise<Reply>) => attempts.push({ what, send });

  add("read Alice's deck session", () => bob.get(`/api/review/session?deck=${docId}`));
  add("read Alice's deck session after a card", () => bob.get(`/api/review/session?deck=${docId}&after=${cardIds[0]}`));
  for (const cardId of cardIds) {
    add(`grade Alice's card ${cardId}`, () => bob.post("/api/review/grade", { cardId, rating: 3, clientRequestId: randomUUID() }));
    add(`edit Alice's card ${cardId}`, () => bob.request("PATCH", `/api/cards/${cardId}`, { body: { prompt: "Bob was here [...]" } }));
    add(`suspend Alice's card ${cardId}`, () => bob.request("PATCH", `/api/cards/${cardId}`, { body: { suspended: true } }));
  }
  for (const [index, clientRequestId] of requestIds.entries()) {
    add(`replay Alice's request id ${index}`, () => bob.post("/api/review/grade", { cardId: cardIds[index], rating: 4, clientRequestId }));
  }
  add("grade a shared card inside Alice's deck", () =>
    bob.post("/api/review/grade", { cardId: defaultCard.id, rating: 3, clientRequestId: randomUUID(), deck: docId }),
  );
  add("undo Alice's latest answer", () => bob.post("/api/review/undo", { reviewLogId: firstLog!.id }));
  add("undo into Alice's deck", () => bob.post("/api/review/undo", { reviewLogId: "nothing-here", deck: docId }));
  for (const logId of quizLogIds) add(`undo Alice's quiz answer ${logId}`, () => bob.post("/api/review/undo", { reviewLogId: logId }));
  add("read Alice's document page", () => bob.get(`/documents/${docId}`));
  if (quizIds.length) {
    add("quiz Alice's document", () => bob.post("/api/quiz", { documentId: docId, topicId: null, count: 5 }));
    add("quiz Alice's topic", () => bob.post("/api/quiz", { documentId: docId, topicId: topic.id, count: 5 }));
    add("quiz Alice's topic through the shared deck", () => bob.post("/api/quiz", { documentId: app.defaultDeckId, topicId: topic.id, count: 5 }));
    for (const quizId of quizIds) {
      add(`read Alice's quiz ${quizId}`, () => bob.get(`/api/quiz/${quizId}`));
      add(`read Alice's quiz page ${quizId}`, () => bob.get(`/quiz/${quizId}`));
      add(`answer Alice's quiz ${quizId}`, () => bob.post(`/api/quiz/${quizId}/answer`, { questionIndex: 1, answer: "x", clientRequestId: randomUUID() }));
      add(`mark Alice's quiz answer right ${quizId}`, () => bob.post(`/api/quiz/${quizId}/override`, { questionIndex: 0 }));
      add(`finish Alice's quiz ${quizId}`, () => bob.post(`/api/quiz/${quizId}/finish`));
      add(`review the misses of Alice's quiz ${quizId}`, () => bob.post(`/api/quiz/${quizId}/review-missed`));
      add(`discard Alice's quiz ${quizId}`, () => bob.request("DELETE", `/api/quiz/${quizId}`));
    }
  }

  const before = await snapshot();
  const wrong: string[] = [];
  for (const attempt of attempts) {
    const reply = await attempt.send();
    const readable = reply.headers.get("content-type")?.includes("json") ? (reply.body as { error?: { message?: string } })?.error?.message : "page";
    if (![403, 404].includes(reply.status) || !readable) wrong.push(`${attempt.what}: ${reply.status} ${reply.text.slice(0, 200)}`);
  }
  // Pages that take a deck id in the query: refused, or showing nothing of Alice's deck.
  const title = (await app.db.document.findUniqueOrThrow({ where: { id: docId } })).title;
  const aliceCards = await app.db.card.findMany({ where: { documentId: docId }, select: { prompt: true }, take: 5 });
  for (const path of [`/review?deck=${docId}`, `/stats?deck=${docId}`, `/documents/${docId}#topics`]) {
    const reply = await bob.get(path);
    attempts.push({ what: `page ${path}`, send: async () => reply });
    const leaks = [title, ...aliceCards.map((card) => card.prompt.slice(0, 40))].filter((text) => reply.text.includes(text));
    if (reply.status >= 500 || (reply.status < 400 && leaks.length)) wrong.push(`page ${path}: ${reply.status}, shows ${leaks.join(" | ").slice(0, 120)}`);
  }
  // Bob's exports hold nothing of Alice's.
  let exportsChecked = 0;
  for (const route of discoverApiRoutes().filter((r) => r.pattern.startsWith("/api/export/") && r.methods.includes("GET"))) {
    const reply = await bob.get(route.pattern);
    exportsChecked++;
    if (reply.status !== 200 || [docId, ...cardIds, aliceEmail].some((id) => reply.text.includes(id))) wrong.push(`export ${route.pattern} leaks or fails: ${reply.status}`);
  }
  const after = await snapshot();

  console.log(`faults/authorization: ${attempts.length} cross-user attempts + ${exportsChecked} exports, ${wrong.length} went wrong; rows unchanged: ${before === after}`);
  expect(wrong).toEqual([]);
  expect(after).toBe(before);
  expect(attempts.length).toBeGreaterThan(30);
});

it("answers 401 to signed-out requests on every non-public /api route", async () => {
  const anonymous = new Client(app.server.url);
  const wrong: string[] = [];
  let tried = 0;
  for (const route of discoverApiRoutes()) {
    for (const method of route.methods) {
      if (isPublic(route.pattern, method)) continue;
      tried++;
      const body = method === "GET" || method === "DELETE" ? undefined : {};
      const reply = await anonymous.request(method, fill(route.pattern, "c0000000000000000000000000"), { body });
      const error = (reply.body as { error?: { code?: string } })?.error;
      if (reply.status !== 401 || error?.code !== "UNAUTHENTICATED") wrong.push(`${method} ${route.pattern}: ${reply.status}`);
    }
  }
  // A forged or stale session cookie is no better than none.
  const forged = new Client(app.server.url);
  forged.cookies.set("next-auth.session-token", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.token.value");
  const forgedReply = await forged.get("/api/review/session");
  tried++;
  if (forgedReply.status !== 401) wrong.push(`forged cookie: ${forgedReply.status}`);
  console.log(`faults/authorization: ${tried} signed-out requests, ${wrong.length} went wrong`);
  expect(wrong).toEqual([]);
  expect(tried).toBeGreaterThanOrEqual(14);
});
