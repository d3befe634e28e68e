// Concurrency over HTTP: duplicate submissions apply once, racing answers are serialised,
// and SQLite runs in WAL mode with a busy timeout that rides out a held write lock.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../lib/db/runtime/client";
import { signedInClient, type Client, seededAppServer } from "./app-server";
import { checkReviewHistory } from "./check-history";

let client: Client;
let userId: string;

const app = seededAppServer("faults_concurrency");

beforeAll(async () => {
  const signedIn = await signedInClient(app.server.url, "race");
  client = signedIn.client;
  userId = (await app.db.user.findUniqueOrThrow({ where: { email: signedIn.email } })).id;
});

async function dueCards(): Promise<string[]> {
  const reply = await client.get("/api/review/session");
  expect(reply.status).toBe(200);
  return (reply.body as { cards: { id: string }[] }).cards.map((card) => card.id);
}

const grade = (cardId: string, rating: number, clientRequestId: string) =>
  client.post("/api/review/grade", { cardId, rating, clientRequestId, durationMs: 900 });

describe("concurrent submissions", () => {
  it("20 simultaneous submissions with one request id apply once", async () => {
    const [cardId] = await dueCards();
    const clientRequestId = randomUUID();
    const replies = await Promise.all(Array.from({ length: 20 }, () => grade(cardId!, 3, clientRequestId)));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const ids = new Set(replies.map((reply) => (reply.body as { result: { reviewLogId: string } }).result.reviewLogId));
    expect(ids.size).toBe(1);
    expect(await app.db.reviewLog.count({ where: { userId, clientRequestId } })).toBe(1);
    expect(await app.db.reviewLog.count({ where: { userId, cardId } })).toBe(1);
    const state = await app.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: cardId! } } });
    expect(state.version).toBe(0);
    expect(state.reps).toBe(1);
  });

  it("different answers racing for the same cards are applied one after the other, never interleaved", async () => {
    const cards = (await dueCards()).slice(1, 6);
    let applied = 0;
    let refused = 0;
    for (const cardId of cards) {
      const replies = await Promise.all([1, 2, 3, 1].map((rating) => grade(cardId, rating, randomUUID())));
      for (const reply of replies) {
        expect([200, 409]).toContain(reply.status);
        if (reply.status === 200) applied++;
        else refused++;
      }
      const logs = await app.db.reviewLog.count({ where: { userId, cardId } });
      expect(logs).toBe(replies.filter((reply) => reply.status === 200).length);
    }
    const history = await checkReviewHistory(app.db, [userId]);
    console.log(`faults/concurrency: ${cards.length} cards × 4 racing answers: ${applied} applied in turn, ${refused} refused; ${history.problems.length} mismatches`);
    expect(history.problems).toEqual([]);
  });
});

describe.runIf(process.env.DATABASE_URL === undefined || !/^postgres/i.test(process.env.DATABASE_URL))("SQLite settings", () => {
  it("runs in WAL mode with a 10 s busy timeout", async () => {
    const file = new Database(app.target.file!, { readonly: true });
    expect(file.pragma("journal_mode", { simple: true })).toBe("wal");
    file.close();
    // The app's own client (the code `next start` runs) sets the busy timeout.
    const appDb = createDb(app.target);
    const [row] = await appDb.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    expect(Number(Object.values(row!)[0])).toBe(10_000);
    await appDb.$disconnect();
  });

  it("a write lock held by another process ends in a retry, never a 500 or a lost answer", async () => {
    const [cardId] = (await dueCards()).slice(-1);
    const clientRequestId = randomUUID();
    const other = new Database(app.target.file!, { timeout: 1_000 });
    other.exec("BEGIN IMMEDIATE");
    const release = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec("COMMIT");
        other.close();
        resolve();
      }, 1_500),
    );
    // As the browser's callApi does: resend the same request id on 5xx, 4 attempts, 300 ms × attempt apart.
    const statuses: number[] = [];
    let reply = await grade(cardId!, 3, clientRequestId);
    statuses.push(reply.status);
    for (let attempt = 1; reply.status >= 500 && attempt < 4; attempt++) {
      expect(reply.body).toMatchObject({ error: { code: "BUSY" } });
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      reply = await grade(cardId!, 3, clientRequestId);
      statuses.push(reply.status);
    }
    await release;
    console.log(`faults/concurrency: held write lock → statuses ${statuses.join(", ")}`);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(reply.status).toBe(200);
    expect(await app.db.reviewLog.count({ where: { userId, clientRequestId } })).toBe(1);
  });
});
