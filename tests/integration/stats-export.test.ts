// The CSV exports' paging against a real database (SQLite by default; set
// DATABASE_URL=postgresql://... to run them on PostgreSQL): every page size gives
// the same file, whatever rows share a timestamp across a page boundary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/config/database-url";
import { createDb, type Db } from "@/lib/db/runtime/client";
import { freshDatabase } from "@/lib/db/ops/fresh-database";
import { cardsCsv, reviewHistoryCsv } from "@/lib/db/stats/export";

let target: DatabaseTarget;
let db: Db;
let userId: string;
const cardIds: Record<string, string> = {};

const T0 = Date.parse("2026-01-05T10:00:00.123Z");

/**
 * Answers inserted in this order (ids deliberately not in time order). Five share
 * T0 + 1 s; the quiz answer that left the schedule alone (b) is not exported.
 */
const ANSWERS = [
  { id: "log-e", card: "A", at: T0, mode: "REVIEW", moved: true },
  { id: "log-c", card: "B", at: T0 + 1000, mode: "REVIEW", moved: true },
  { id: "log-a", card: "A", at: T0 + 1000, mode: "REVIEW", moved: true },
  { id: "log-d", card: "C", at: T0 + 1000, mode: "QUIZ", moved: true },
  { id: "log-b", card: "B", at: T0 + 1000, mode: "QUIZ", moved: false },
  { id: "log-f", card: "C", at: T0 + 1000, mode: "REVIEW", moved: true },
  { id: "log-g", card: "A", at: T0 + 2000, mode: "REVIEW", moved: true },
  { id: "log-h", card: "B", at: T0 + 501, mode: "REVIEW", moved: true },
] as const;

const fieldsOf = (i: number) => ({ rating: (i % 4) + 1, prevState: i % 4, durationMs: 1000 * i + 7 });

async function collect(chunks: AsyncGenerator<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return all;
}

beforeAll(async () => {
  target = await freshDatabase(process.env.DATABASE_URL, "export");
  db = createDb(target);
  const user = await db.user.create({ data: { email: "export@example.com", passwordHash: "x" } });
  const other = await db.user.create({ data: { email: "other@example.com", passwordHash: "x" } });
  userId = user.id;
  const own = await db.document.create({ data: { ownerId: user.id, title: "Own", sourceText: "…", contentHash: "h1" } });
  const builtin = await db.document.create({ data: { ownerId: null, builtinKey: "k", title: "Built-in", sourceText: "…", contentHash: "h2" } });
  const hidden = await db.document.create({ data: { ownerId: other.id, title: "Hidden", sourceText: "…", contentHash: "h3" } });
  const topic = await db.topic.create({ data: { documentId: own.id, path: "1", title: "Topic, one", order: 1 } });
  for (const [name, documentId] of [["A", own.id], ["B", own.id], ["C", builtin.id], ["D", builtin.id], ["X", hidden.id]] as const) {
    const card = await db.card.create({
      data: { documentId, topicId: name === "A" ? topic.id : null, fingerprint: `fp-${name}`, kind: "CLOZE", prompt: `Prompt ${name}`, answer: `Answer ${name}`, source: "s", quality: 1 },
    });
    cardIds[name] = card.id;
  }
  await db.cardState.create({
    data: {
      userId: user.id, cardId: cardIds.A, documentId: own.id, state: 2, due: new Date(T0 + 86_400_000), stability: 3.123456, difficulty: 5.5,
      reps: 4, lapses: 1, lastReview: new Date(T0), customPrompt: "My prompt",
    },
  });
  await db.cardState.create({ data: { userId: user.id, cardId: cardIds.C, documentId: builtin.id, state: 0, due: new Date(T0), suspended: true } });
  const log = (id: string, uid: string, card: string, at: number, mode: string, moved: boolean, i: number) => ({
    id, userId: uid, cardId: cardIds[card], clientRequestId: `req-${id}`, mode, ...fieldsOf(i), reviewedAt: new Date(at),
    retrievability: null, prevDue: new Date(at), prevStability: 1, prevDifficulty: 5, prevElapsedDays: 1, prevScheduledDays: 1,
    prevLearningSteps: 0, prevReps: 1, prevLapses: 0, prevLastReview: null,
    state: 2, due: new Date(moved ? at + 86_400_000 : at), stability: 2, difficulty: 5, scheduledDays: 1,
  });
  for (const [i, a] of ANSWERS.entries()) await db.reviewLog.create({ data: log(a.id, user.id, a.card, a.at, a.mode, a.moved, i) });
  // Another user's answer at the tied instant: never in this user's export.
  await db.reviewLog.create({ data: log("log-0", other.id, "X", T0 + 1000, "REVIEW", true, 0) });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe(`CSV exports (${process.env.DATABASE_URL?.startsWith("postgres") ? "PostgreSQL" : "SQLite"})`, () => {
  it("pages the review history in (time, id) order, ties split across pages included, quiz practice left out", async () => {
    const expected = ANSWERS.map((a, i) => ({ ...a, ...fieldsOf(i) }))
      .filter((a) => a.mode === "REVIEW" || a.moved)
      .sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1))
      .map((a) => `${cardIds[a.card]},${a.at},${a.rating},${a.prevState},${a.durationMs}\r\n`);
    expect(expected.map((line) => line.split(",")[1])).toEqual(
      [T0, T0 + 501, T0 + 1000, T0 + 1000, T0 + 1000, T0 + 1000, T0 + 2000].map(String),
    );
    const whole = ["card_id,review_time,review_rating,review_state,review_duration\r\n", ...expected].join("");
    for (const pageSize of [1, 2, 3, 4, 7, 100]) {
      const chunks = await collect(reviewHistoryCsv(db, userId, pageSize));
      expect(chunks.join(""), `page size ${pageSize}`).toBe(whole);
      // The header, then one chunk per page, none empty (7 rows: a full last page ends with an empty read).
      expect(chunks.length).toBe(1 + Math.ceil(expected.length / pageSize));
    }
  });

  it("exports the cards of the user's and the built-in decks with the user's state, the same at any page size", async () => {
    const whole = (await collect(cardsCsv(db, userId, 100))).join("");
    const lines = whole.trimEnd().split("\r\n");
    expect(lines).toHaveLength(5); // header and A to D; X is in another user's deck
    expect(lines).toContain(`${cardIds.A},Own,"Topic, one",CLOZE,My prompt,Answer A,review,${new Date(T0 + 86_400_000).toISOString()},3.1235,5.5,4,1,false`);
    expect(lines).toContain(`${cardIds.B},Own,,CLOZE,Prompt B,Answer B,new,,,,0,0,false`);
    expect(lines).toContain(`${cardIds.C},Built-in,,CLOZE,Prompt C,Answer C,new,,,,0,0,true`);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([cardIds.A, cardIds.B, cardIds.C, cardIds.D].sort());
    for (const pageSize of [1, 2, 4]) expect((await collect(cardsCsv(db, userId, pageSize))).join("")).toBe(whole);
  });

  it("writes text that would run as a spreadsheet formula with a leading apostrophe, in both exports", async () => {
    const mallory = await db.user.create({ data: { email: "formula@example.com", passwordHash: "x" } });
    const doc = await db.document.create({ data: { ownerId: mallory.id, title: '=HYPERLINK("http://evil.example","Open")', sourceText: "…", contentHash: "f1" } });
    const topic = await db.topic.create({ data: { documentId: doc.id, path: "1", title: "+cmd|' /C calc'!A0", order: 1 } });
    const card = await db.card.create({
      data: { id: "@card-id", documentId: doc.id, topicId: topic.id, fingerprint: "fp-f", kind: "CLOZE", prompt: "-2+3 is [...]", answer: "\t=1+1", source: "s", quality: 1 },
    });
    await db.reviewLog.create({
      data: {
        userId: mallory.id, cardId: card.id, clientRequestId: "req-formula", mode: "REVIEW", rating: 3, reviewedAt: new Date(T0), durationMs: 5, prevState: 0,
        prevDue: new Date(T0), prevStability: 0, prevDifficulty: 0, prevElapsedDays: 0, prevScheduledDays: 0, prevLearningSteps: 0, prevReps: 0, prevLapses: 0,
        state: 1, due: new Date(T0 + 60_000), stability: 1, difficulty: 5, scheduledDays: 0,
      },
    });
    const cards = (await collect(cardsCsv(db, mallory.id))).join("");
    expect(cards).toContain(`'@card-id,"'=HYPERLINK(""http://evil.example"",""Open"")",'+cmd|' /C calc'!A0,CLOZE,'-2+3 is [...],'\t=1+1,new,`);
    const reviews = (await collect(reviewHistoryCsv(db, mallory.id))).join("");
    expect(reviews).toContain(`'@card-id,${T0},3,0,5\r\n`);
  });
});

