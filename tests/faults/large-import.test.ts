// A document at the size limit (2 MB less a byte of dense prose, some 5,500 cards) previewed
// and saved over HTTP, while another user keeps using the app: the deck is saved whole, and
// every one of the other user's requests is answered while the import is still running
// (generation and the write run on the deck worker thread, not the request thread).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../lib/validation/documents";
import { denseProse } from "../support/dense-prose";
import { seededAppServer, signedInClient, sleep, type Client, type Reply } from "./app-server";

const app = seededAppServer("faults_large_import");

/** Runs `work` while `other` keeps asking for its settings and study queue; returns the reply and every answer's latency, and whether it came while `work` was in flight. */
async function whileOthersWork(other: Client, work: () => Promise<Reply>) {
  let done = false;
  const during: { ms: number; status: number; inFlight: boolean }[] = [];
  const polling = (async () => {
    for (let i = 0; !done; i++) {
      const started = performance.now();
      const reply = await other.get(i % 2 ? "/api/review/session" : "/api/settings");
      during.push({ ms: performance.now() - started, status: reply.status, inFlight: !done });
      await sleep(40);
    }
  })();
  const reply = await work().finally(() => (done = true));
  await polling;
  return { reply, during };
}

it("previews and saves a document at the size limit whole, answering another user's requests meanwhile", async () => {
  const { client: alice, email } = await signedInClient(app.server.url, "big");
  const { client: bob } = await signedInClient(app.server.url, "neighbour");
  const text = denseProse(MAX_UPLOAD_BYTES - 1);

  const preview = await whileOthersWork(bob, () => alice.request("POST", "/api/documents/preview", { body: text, headers: { "content-type": "text/plain" }, timeoutMs: 180_000 }));
  expect(preview.reply.status).toBe(200);
  const cards = (preview.reply.body as { cards: unknown[] }).cards.length;
  expect(cards).toBeGreaterThan(2_000);

  const saved = await whileOthersWork(bob, () => alice.request("POST", "/api/documents", { body: { text }, timeoutMs: 180_000 }));
  expect(saved.reply.status).toBe(201);
  const { documentId, cardCount } = saved.reply.body as { documentId: string; cardCount: number };
  expect(cardCount).toBe(cards);
  const userId = (await app.db.user.findUniqueOrThrow({ where: { email } })).id;
  expect(await app.db.card.count({ where: { documentId } })).toBe(cards);
  expect((await app.db.document.findUniqueOrThrow({ where: { id: documentId } })).ownerId).toBe(userId);

  for (const [what, { during }] of [["preview", preview], ["import", saved]] as const) {
    const inFlight = during.filter((poll) => poll.inFlight);
    const ms = inFlight.map((poll) => poll.ms).sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(0);
    console.log(`faults/large-import: ${what} of ${MAX_UPLOAD_BYTES - 1} bytes; another user's ${ms.length} requests meanwhile: median ${at(0.5)} ms, p95 ${at(0.95)} ms, slowest ${at(1)} ms`);
    // Several answers came back before the import ended: nothing held the request thread for its length.
    expect(inFlight.length).toBeGreaterThanOrEqual(5);
    expect(during.every((poll) => poll.status === 200)).toBe(true);
  }
  // Grading still works, and the big deck is Alice's to study.
  const session = await alice.get(`/api/review/session?deck=${documentId}`);
  const first = (session.body as { cards: { id: string }[] }).cards[0]!;
  expect((await alice.post("/api/review/grade", { cardId: first.id, rating: 3, clientRequestId: randomUUID(), deck: documentId })).status).toBe(200);
});
