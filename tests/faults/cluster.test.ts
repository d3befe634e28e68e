// The production shape (scripts/cluster.sh): two app processes on one PostgreSQL behind nginx,
// round robin, no sticky sessions. What one process did, the other honours: a session signed
// in on one grades on the other, a request id retried on another process applies once, undo
// works wherever it lands, sign-in throttling counts failures from both, and a process that
// dies leaves the users on the other one with nothing lost. Runs in the PostgreSQL pass only
// (the cluster serves PostgreSQL; once is enough).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db/runtime/client";
import { resolveDatabase } from "../../lib/config/database-url";
import { startCluster, type Cluster } from "../support/cluster";
import { middayTimeZone } from "../support/midday-zone";
import { Client, PASSWORD, signedInClient, uniqueEmail, type Reply } from "./app-server";
import { DIST_DIR } from "./build";
import { checkReviewHistory } from "./check-history";

let cluster: Cluster;
let db: Db;

const onPostgres = /^postgres/i.test(process.env.DATABASE_URL ?? "");

beforeAll(async () => {
  if (!onPostgres) return;
  cluster = await startCluster({ apps: 2, label: "faults_cluster", env: { KEYPOINT_DIST_DIR: DIST_DIR } });
  db = createDb(resolveDatabase(cluster.databaseUrl));
});
afterAll(async () => {
  await db?.$disconnect();
  await cluster?.stop();
});

/** The same client's cookies, sent to another address. */
function withCookies(client: Client, baseUrl: string): Client {
  const copy = new Client(baseUrl);
  for (const [name, value] of client.cookies) copy.cookies.set(name, value);
  return copy;
}

/** Straight to one app process, past the balancer. */
const onApp = (client: Client, app: number) => withCookies(client, cluster.apps[app]!);

const servedBy = (reply: Reply) => reply.headers.get("x-served-by");
const appPort = (app: number) => new URL(cluster.apps[app]!).port;

async function userIdOf(email: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { email } })).id;
}

async function dueCards(client: Client): Promise<string[]> {
  const reply = await client.get("/api/review/session");
  expect(reply.status, reply.text).toBe(200);
  return (reply.body as { cards: { id: string }[] }).cards.map((card) => card.id);
}

const grade = (client: Client, cardId: string, rating: number, clientRequestId = randomUUID()) =>
  client.post("/api/review/grade", { cardId, rating, clientRequestId, durationMs: 1200 });

describe.runIf(onPostgres)("two app processes behind nginx", () => {
  it("spreads one signed-in user's requests over both processes, and a session signed in on one grades on the other", async () => {
    const client = new Client(cluster.apps[0]!);
    const email = uniqueEmail("split");
    const signedUp = await client.post("/api/account", { email, password: PASSWORD, timeZone: middayTimeZone() });
    expect(signedUp.status, signedUp.text).toBe(201);
    const signIn = await client.signIn(email);
    expect(client.hasSession(), JSON.stringify(signIn.body)).toBe(true);
    const taken = await client.post("/api/sample-deck");
    expect(taken.status, taken.text).toBe(200);
    const [cardId] = await dueCards(onApp(client, 1));
    const graded = await grade(onApp(client, 1), cardId!, 3);
    expect(graded.status, graded.text).toBe(200);

    // Through the balancer: round robin, request by request, with one cookie.
    const balanced = withCookies(client, cluster.url);
    const served = new Set<string | null>();
    for (let i = 0; i < 6; i++) {
      const reply = await balanced.get("/api/settings");
      expect(reply.status, reply.text).toBe(200);
      served.add(servedBy(reply));
    }
    expect([...served].sort()).toEqual([`127.0.0.1:${appPort(0)}`, `127.0.0.1:${appPort(1)}`]);
  });

  it("applies a grade once when its request id is retried on the other process, and when copies race on both", async () => {
    const { client, email } = await signedInClient(cluster.url, "retry");
    const userId = await userIdOf(email);
    const [first, second] = await dueCards(client);
    const clientRequestId = randomUUID();
    const original = await grade(onApp(client, 0), first!, 3, clientRequestId);
    expect(original.status, original.text).toBe(200);
    const retried = await grade(onApp(client, 1), first!, 3, clientRequestId);
    expect(retried.status, retried.text).toBe(200);
    const [a, b] = [original, retried].map((reply) => (reply.body as { result: { reviewLogId: string; replayed: boolean } }).result);
    expect(b).toMatchObject({ reviewLogId: a!.reviewLogId, replayed: true });

    const racingId = randomUUID();
    const copies = await Promise.all(Array.from({ length: 10 }, (_, i) => grade(onApp(client, i % 2), second!, 2, racingId)));
    expect(copies.map((reply) => reply.status)).toEqual(Array(10).fill(200));
    expect(new Set(copies.map((reply) => (reply.body as { result: { reviewLogId: string } }).result.reviewLogId)).size).toBe(1);
    expect(await db.reviewLog.count({ where: { userId, clientRequestId: { in: [clientRequestId, racingId] } } })).toBe(2);
    const history = await checkReviewHistory(db, [userId]);
    expect(history.problems).toEqual([]);
  });

  it("undoes on one process an answer graded on the other, once", async () => {
    const { client, email } = await signedInClient(cluster.url, "undo");
    const userId = await userIdOf(email);
    const [cardId] = await dueCards(client);
    const before = await db.cardState.findFirst({ where: { userId, cardId } });
    const graded = await grade(onApp(client, 0), cardId!, 1);
    expect(graded.status, graded.text).toBe(200);
    const { reviewLogId } = (graded.body as { result: { reviewLogId: string } }).result;
    const undo = await onApp(client, 1).post("/api/review/undo", { reviewLogId });
    expect(undo.status, undo.text).toBe(200);
    expect((undo.body as { undo: { undone: boolean } }).undo.undone).toBe(true);
    const again = await onApp(client, 0).post("/api/review/undo", { reviewLogId });
    expect((again.body as { undo: { undone: boolean } }).undo.undone).toBe(false);
    expect(await db.reviewLog.count({ where: { userId, cardId } })).toBe(0);
    const after = await db.cardState.findFirst({ where: { userId, cardId } });
    const memory = (state: typeof after) => (state ? { ...state, updatedAt: null, version: null } : null);
    if (before) expect(memory(after)).toEqual(memory(before));
    else expect(after === null || after.state === 0).toBe(true);
  });

  it("counts failed sign-ins from both processes against the client's real address, whatever X-Forwarded-For it writes", async () => {
    const { email } = await signedInClient(cluster.url, "throttle");
    const guesser = new Client(cluster.url);
    // A sign-in is two requests (CSRF token, form post); one more request before every other
    // try sends the posts to each process in turn.
    const shift = async (i: number) => i % 2 === 0 || (await guesser.get("/api/auth/csrf"));
    const failedOn = new Set<string | null>();
    for (let i = 0; i < 5; i++) {
      await shift(i);
      // A forged address per try: nginx replaces it with the socket's, so all five count for 127.0.0.1.
      const reply = await guesser.signIn(email, "wrong password", { "x-forwarded-for": `203.0.113.${i + 1}` });
      expect(guesser.hasSession()).toBe(false);
      expect(decodeURIComponent(JSON.stringify(reply.body))).toMatch(/Wrong email or password/);
      failedOn.add(reply.headers.get("x-served-by"));
    }
    expect(failedOn.size).toBe(2);
    const lockedOn = new Set<string | null>();
    for (let i = 0; i < 2; i++) {
      await shift(i);
      const reply = await guesser.signIn(email, PASSWORD, { "x-forwarded-for": "198.51.100.7" });
      expect(decodeURIComponent(JSON.stringify(reply.body)), `try ${i + 1} after the lock`).toMatch(/Too many failed sign-ins/);
      expect(guesser.hasSession()).toBe(false);
      lockedOn.add(reply.headers.get("x-served-by"));
    }
    expect(lockedOn.size).toBe(2);
    const rows = await db.authThrottle.findMany({ where: { key: { contains: email } } });
    // the email from this address, and the email from any address (no other address was used)
    expect(rows.map((row) => [row.key, row.failures]).sort()).toEqual([[`email:${email}`, 5], [`pair:${email}|127.0.0.1`, 5]]);
  });

  it("keeps serving through the balancer when one process is killed, with every acknowledged grade stored once", async () => {
    const { client, email } = await signedInClient(cluster.url, "failover");
    const userId = await userIdOf(email);
    const acknowledged: string[] = [];
    for (let i = 0; i < 12; i++) {
      if (i === 4) cluster.kill(1);
      const [cardId] = await dueCards(client);
      const clientRequestId = randomUUID();
      let reply = await grade(client, cardId!, 1, clientRequestId);
      // A grade cut off in flight is resent with the same request id, as the review screen does.
      if (reply.status >= 500) reply = await grade(client, cardId!, 1, clientRequestId);
      expect(reply.status, reply.text).toBe(200);
      acknowledged.push((reply.body as { result: { reviewLogId: string } }).result.reviewLogId);
    }
    const stored = await db.reviewLog.findMany({ where: { userId }, select: { id: true } });
    expect(stored.map((log) => log.id).sort()).toEqual([...acknowledged].sort());
    expect((await checkReviewHistory(db, [userId])).problems).toEqual([]);
  });
});
