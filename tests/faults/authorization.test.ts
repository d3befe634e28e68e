// Authorisation matrix over HTTP: a second user tries every route on the first user's
// documents, cards, review logs and quiz attempts by id. Every attempt is refused with
// 403/404 and no row changes. Signed-out requests get 401 on every non-public /api route.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { discoverApiRoutes, fill, isPublic } from "./api-routes";
import { Client, PASSWORD, signedInClient, sleep, type Reply, seededAppServer } from "./app-server";


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
  const [parameterSets, jobs] = await Promise.all([
    app.db.parameterSet.findMany({ orderBy: { id: "asc" } }),
    app.db.memoryModelJob.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, status: true, result: true } }),
  ]);
  return JSON.stringify({ users, documents, topics, cards, states, logs, attempts, parameterSets, jobs });
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

  // Alice's memory model: an optimisation (too little history to change anything) and a parameter set.
  const memoryModel = { jobId: "", setId: "" };
  if (discoverApiRoutes().some((route) => route.pattern === "/api/memory-model/parameters")) {
    const started = await alice.post("/api/memory-model/optimise");
    expect(started.status).toBe(202);
    memoryModel.jobId = (started.body as { job: { id: string } }).job.id;
    for (let i = 0; i < 200 && (await app.db.memoryModelJob.findUniqueOrThrow({ where: { id: memoryModel.jobId } })).status === "RUNNING"; i++) await sleep(250);
    expect((await alice.post("/api/memory-model/parameters", { from: "defaults", reschedule: false })).status).toBe(202);
    for (let i = 0; i < 200 && (await app.db.memoryModelJob.count({ where: { userId: aliceId, status: "RUNNING" } })) > 0; i++) await sleep(250);
    memoryModel.setId = (await app.db.parameterSet.findFirstOrThrow({ where: { userId: aliceId } })).id;
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
      add(`finish Alice's quiz ${quizId}`, () => bob.post(`/api/quiz/${quizId}/finish`));
      add(`review the misses of Alice's quiz ${quizId}`, () => bob.post(`/api/quiz/${quizId}/review-missed`));
      add(`discard Alice's quiz ${quizId}`, () => bob.request("DELETE", `/api/quiz/${quizId}`));
    }
  }

  if (memoryModel.jobId) {
    add("adopt Alice's optimisation", () => bob.post("/api/memory-model/parameters", { from: "optimisation", jobId: memoryModel.jobId, reschedule: true }));
    add("bring back Alice's parameter set", () => bob.post("/api/memory-model/parameters", { from: "history", parameterSetId: memoryModel.setId, reschedule: true }));
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

/** Every non-public API route and method, with a body where the method takes one. */
function everyPrivateRoute(): { method: string; path: string; body?: unknown }[] {
  return discoverApiRoutes().flatMap((route) =>
    route.methods
      .filter((method) => !isPublic(route.pattern, method))
      .map((method) => ({ method, path: fill(route.pattern, "c0000000000000000000000000"), body: method === "GET" || method === "DELETE" ? undefined : {} })),
  );
}

/** A client holding a copy of `source`'s cookies, as someone who kept (or stole) them would. */
function copyOf(source: Client): Client {
  const copy = new Client(app.server.url);
  for (const [name, value] of source.cookies) copy.cookies.set(name, value);
  return copy;
}

it("ends a session on the server at sign-out: a cookie kept from before is refused everywhere", async () => {
  const { client, email } = await signedInClient(app.server.url, "signout");
  const kept = copyOf(client);
  // The same session re-issued (next-auth renews the token as it ages) before the sign-out.
  const renewed = copyOf(client);
  const session = await renewed.get("/api/auth/session");
  expect((session.body as { user?: { email?: string } }).user?.email).toBe(email);
  expect(renewed.cookies.get("next-auth.session-token")).not.toBe(kept.cookies.get("next-auth.session-token"));
  expect((await kept.get("/api/settings")).status).toBe(200);

  const out = await client.signOut();
  expect(out.status).toBeLessThan(400);
  expect(client.hasSession()).toBe(false);

  const wrong: string[] = [];
  let tried = 0;
  for (const holder of [kept, renewed]) {
    for (const { method, path, body } of [...everyPrivateRoute(), { method: "PATCH", path: "/api/settings", body: { dailyNewLimit: 99 } }]) {
      tried++;
      const reply = await holder.request(method, path, { body });
      if (reply.status !== 401) wrong.push(`${method} ${path}: ${reply.status}`);
    }
    tried++;
    const asked = await holder.get("/api/auth/session");
    if (JSON.stringify(asked.body) !== "{}") wrong.push(`/api/auth/session: ${asked.text.slice(0, 120)}`);
    for (const page of ["/", "/review", "/stats", "/account", "/settings", "/documents/new"]) {
      tried++;
      const reply = await copyOf(holder).get(page);
      if (reply.status !== 307 || !/\/sign-in\?callbackUrl=/.test(reply.headers.get("location") ?? "")) wrong.push(`page ${page}: ${reply.status}`);
    }
  }
  console.log(`faults/authorization: ${tried} requests with a session signed out, ${wrong.length} went wrong`);
  expect(wrong).toEqual([]);
  // Signing in again starts a new session that works.
  await client.signIn(email);
  expect((await client.get("/api/settings")).status).toBe(200);
});

it("ends every session at a password change, /api/auth/session included", async () => {
  const { client, email } = await signedInClient(app.server.url, "pwchange");
  const elsewhere = copyOf(client);
  const changed = await client.post("/api/account/password", { currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
  expect(changed.status).toBe(200);
  expect((await elsewhere.get("/api/settings")).status).toBe(401);
  expect((await elsewhere.get("/api/auth/session")).body).toEqual({});
  expect((await client.get("/api/auth/session")).text).not.toContain(email);
});

it("refuses requests that change something when they come from another site, and lets the app's own through", async () => {
  const { client } = await signedInClient(app.server.url, "csrf");
  const other = new URL(app.server.url);
  other.port = String(Number(other.port) + 1);
  const crossSite: Record<string, string>[] = [
    { origin: "http://evil.example" },
    { origin: other.origin }, // same site, another port
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
  ];
  const before = await snapshot();
  const wrong: string[] = [];
  let tried = 0;
  const routes = [
    ...discoverApiRoutes().flatMap((route) =>
      route.methods.filter((method) => method !== "GET").map((method) => ({ method, path: fill(route.pattern, "c0000000000000000000000000") })),
    ),
    { method: "POST", path: "/api/auth/signout" },
    { method: "POST", path: "/api/auth/callback/credentials" },
  ];
  for (const headers of crossSite) {
    for (const { method, path } of routes) {
      tried++;
      const reply = await client.request(method, path, { body: {}, headers });
      const code = (reply.body as { error?: { code?: string } })?.error?.code;
      if (reply.status !== 403 || code !== "CROSS_SITE") wrong.push(`${method} ${path} ${JSON.stringify(headers)}: ${reply.status} ${reply.text.slice(0, 80)}`);
    }
  }
  // A form on another port of the same host finishing a quiz: refused, the quiz stays open.
  const deck = await app.db.document.findFirstOrThrow({ where: { builtinKey: { not: null } } });
  const quiz = (await client.post("/api/quiz", { documentId: deck.id, topicId: null, count: 5 })).body as { quiz: { id: string } };
  const formPost = await client.request("POST", `/api/quiz/${quiz.quiz.id}/finish`, {
    body: "",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: other.origin, "sec-fetch-site": "same-site" },
  });
  tried++;
  if (formPost.status !== 403) wrong.push(`form post finishing a quiz: ${formPost.status}`);
  expect((await app.db.quizAttempt.findUniqueOrThrow({ where: { id: quiz.quiz.id } })).status).toBe("ACTIVE");
  console.log(`faults/authorization: ${tried} cross-site requests, ${wrong.length} went wrong`);
  expect(wrong).toEqual([]);
  expect(await snapshotWithout(before, quiz.quiz.id)).toBe(true);

  // The app's own pages (Origin: this server), and clients that are no browser, still change things.
  const same = await client.request("PATCH", "/api/settings", { body: { dailyNewLimit: 21 }, headers: { origin: app.server.url, "sec-fetch-site": "same-origin" } });
  expect(same.status).toBe(200);
  expect((await client.request("PATCH", "/api/settings", { body: { dailyNewLimit: 22 } })).status).toBe(200);
});

/** Nothing changed since `before` but the quiz this test opened itself. */
async function snapshotWithout(before: string, openedQuizId: string): Promise<boolean> {
  const after = JSON.parse(await snapshot()) as { attempts: { id: string }[] };
  after.attempts = after.attempts.filter((attempt) => attempt.id !== openedQuizId);
  return JSON.stringify(after) === before;
}
