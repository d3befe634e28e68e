/**
 * The reproducible synthetic users the benchmarks run on, written straight to
 * the database with the bulk writer (a 1,000,000-log history loads in seconds).
 *
 * - `loadHistoryUser`: one user with `documents` × `cardsPerDocument` cards of
 *   their own, 90% of them studied, `logs` review answers spread over the two
 *   years before `now`, and a healthy backlog (~3% of studied cards due).
 * - `loadGraders`: users who each own one document whose every card is a
 *   review card due now, so each grade request grades a different due card.
 */
import { createHash } from "node:crypto";
import type { BulkWriter, Value } from "./bulk-writer";
import { seededRandom } from "../lib/quiz/random";

const DAY = 86_400_000;
const MINUTE = 60_000;
const BATCH = 5_000;

const USER_COLUMNS = ["id", "email", "passwordHash", "timeZone", "desiredRetention", "dailyNewLimit", "dailyReviewLimit", "sessionVersion", "createdAt"];
const DOCUMENT_COLUMNS = ["id", "ownerId", "title", "summary", "sourceText", "contentHash", "createdAt"];
const TOPIC_COLUMNS = ["id", "documentId", "path", "title", "order"];
const CARD_COLUMNS = ["id", "documentId", "topicId", "fingerprint", "kind", "prompt", "answer", "options", "source", "quality", "position", "createdAt"];
export const STATE_COLUMNS = ["id", "userId", "cardId", "documentId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
  "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "version", "updatedAt"];
export const LOG_COLUMNS = ["id", "userId", "cardId", "clientRequestId", "mode", "rating", "reviewedAt", "durationMs", "retrievability",
  "prevState", "prevDue", "prevStability", "prevDifficulty", "prevElapsedDays", "prevScheduledDays", "prevLearningSteps",
  "prevReps", "prevLapses", "prevLastReview", "state", "due", "stability", "difficulty", "scheduledDays"];

/** Buffers rows per table and flushes them in batches. */
export class Batcher {
  private buffers = new Map<string, { columns: readonly string[]; rows: Value[][] }>();
  constructor(private writer: BulkWriter) {}
  async add(table: string, columns: readonly string[], values: Value[]) {
    let buffer = this.buffers.get(table);
    if (!buffer) this.buffers.set(table, (buffer = { columns, rows: [] }));
    buffer.rows.push(values);
    if (buffer.rows.length >= BATCH) await this.flush();
  }
  /** Flushes every table, parents first (tables are first seen in foreign-key order). */
  async flush() {
    for (const [name, buffer] of this.buffers) {
      if (buffer.rows.length) await this.writer.insert(name, buffer.columns, buffer.rows);
      buffer.rows = [];
    }
  }
}

export interface SyntheticUser {
  id: string;
  email: string;
}

interface Deck {
  documentIds: string[];
  cardIds: string[];
  cardDocument: string[];
}

export async function addUser(out: Batcher, user: SyntheticUser, passwordHash: string, limits: { newLimit: number; reviewLimit: number }, timeZone: string, createdAt: Date) {
  await out.add("User", USER_COLUMNS, [user.id, user.email, passwordHash, timeZone, 0.9, limits.newLimit, limits.reviewLimit, 0, createdAt]);
}

/** Documents, topics (10 per document) and cards for one owner; cards come in cloze/choice pairs sharing a source. */
export async function addDeck(out: Batcher, tag: string, ownerId: string, documents: number, cardsPerDocument: number, createdAt: Date): Promise<Deck> {
  const deck: Deck = { documentIds: [], cardIds: [], cardDocument: [] };
  for (let d = 0; d < documents; d++) {
    const documentId = `${tag}d${d}`;
    const created = new Date(createdAt.getTime() + d * MINUTE);
    deck.documentIds.push(documentId);
    await out.add("Document", DOCUMENT_COLUMNS, [documentId, ownerId, `Synthetic document ${d + 1}`, "Generated for the benchmarks.",
      `Synthetic source text of document ${d + 1}.`, createHash("sha256").update(documentId).digest("hex"), created]);
    const topics = 10;
    for (let t = 0; t < topics; t++) await out.add("Topic", TOPIC_COLUMNS, [`${documentId}t${t}`, documentId, String(t + 1), `Topic ${t + 1}`, t]);
    for (let c = 0; c < cardsPerDocument; c++) {
      const cardId = `${documentId}c${c}`;
      const fact = Math.floor(c / 2);
      const value = (fact * 37) % 100;
      const source = `In document ${d + 1}, measurement ${fact} rose by ${value}% over the period studied.`;
      const choice = c % 2 === 1;
      deck.cardIds.push(cardId);
      deck.cardDocument.push(documentId);
      await out.add("Card", CARD_COLUMNS, [cardId, documentId, `${documentId}t${Math.floor((c * topics) / cardsPerDocument)}`, `f${c}`,
        choice ? "CHOICE" : "CLOZE",
        choice ? `By how much did measurement ${fact} rise?` : `In document ${d + 1}, measurement ${fact} rose by ____ over the period studied.`,
        `${value}%`, choice ? JSON.stringify([`${value}%`, `${value + 5}%`, `${value + 11}%`, `${value + 23}%`]) : null,
        source, 0.5 + ((c * 7) % 50) / 100, c, created]);
    }
  }
  return deck;
}

function pickRating(r: number): 1 | 2 | 3 | 4 {
  return r < 0.07 ? 1 : r < 0.1 ? 2 : r < 0.98 ? 3 : 4;
}

/** Splits `total` among `weights` in proportion, exactly (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

export interface HistorySpec {
  tag: string;
  email: string;
  passwordHash: string;
  documents: number;
  cardsPerDocument: number;
  logs: number;
  now: Date;
  seed: number;
  timeZone?: string;
}

export async function loadHistoryUser(writer: BulkWriter, spec: HistorySpec): Promise<SyntheticUser & { cards: number; logs: number }> {
  const random = seededRandom(spec.seed);
  const out = new Batcher(writer);
  const nowMs = spec.now.getTime();
  const user = { id: `${spec.tag}u`, email: spec.email };
  await addUser(out, user, spec.passwordHash, { newLimit: 20, reviewLimit: 200 }, spec.timeZone ?? "America/New_York", new Date(nowMs - 760 * DAY));
  const deck = await addDeck(out, spec.tag, user.id, spec.documents, spec.cardsPerDocument, new Date(nowMs - 750 * DAY));
  await out.flush();

  // 90% of the cards studied; the last 10% of each document never seen (new).
  const studied = deck.cardIds.map((_, i) => i % spec.cardsPerDocument < spec.cardsPerDocument * 0.9);
  const starts = deck.cardIds.map(() => nowMs - Math.floor((1 + random() * 729) * DAY));
  const weights = deck.cardIds.map((_, i) => (studied[i] ? (nowMs - starts[i]) / DAY * (0.5 + random()) : 0));
  const perCard = apportion(spec.logs, weights);

  let logNumber = 0;
  for (let i = 0; i < deck.cardIds.length; i++) {
    const k = perCard[i];
    if (!studied[i] || k === 0) continue;
    const cardId = deck.cardIds[i];
    // Gaps growing by 1.6× per review, scaled so the k answers fit between the start and now.
    const span = (nowMs - starts[i]) * (0.6 + 0.35 * random());
    const shape = Array.from({ length: k }, (_, j) => Math.pow(1.6, j));
    const unit = span / shape.reduce((a, b) => a + b, 0);
    let t = starts[i];
    let state = 0, due = t, stability = 0, difficulty = 0, reps = 0, lapses = 0, scheduled = 0, last: number | null = null;
    for (let j = 0; j < k; j++) {
      const at = Math.floor(t / DAY) * DAY + Math.floor((7 + random() * 16) * 3_600_000);
      const rating = j === 0 ? 3 : pickRating(random());
      const next = {
        state: rating === 1 ? 3 : 2,
        stability: rating === 1 ? Math.max(0.5, stability * 0.3) : Math.max(1, stability * (rating === 2 ? 1.3 : rating === 4 ? 3 : 2)),
        difficulty: Math.min(10, Math.max(1, (j === 0 ? 4 + random() * 3 : difficulty) + (rating === 1 ? 0.8 : rating === 4 ? -0.4 : rating === 2 ? 0.3 : -0.05))),
      };
      const gapDays = Math.max(1, Math.round((j + 1 < k ? shape[j + 1] * unit : shape[j] * unit * 1.6) / DAY));
      const nextDue = next.state === 3 ? at + 10 * MINUTE : at + gapDays * DAY;
      const retrievability = state === 0 ? null : Math.pow(1 + (19 / 81) * ((at - (last ?? at)) / DAY) / Math.max(stability, 0.1), -0.5);
      await out.add("ReviewLog", LOG_COLUMNS, [`${spec.tag}l${logNumber}`, user.id, cardId, `${spec.tag}r${logNumber}`, "REVIEW", rating,
        new Date(at), 2_000 + Math.floor(random() * 18_000), retrievability,
        state, new Date(due), stability, difficulty, last === null ? 0 : Math.round((at - last) / DAY), scheduled, 0, reps, lapses,
        last === null ? null : new Date(last),
        next.state, new Date(nextDue), next.stability, next.difficulty, next.state === 3 ? 0 : gapDays]);
      logNumber++;
      if (rating === 1) lapses++;
      reps++;
      state = next.state;
      stability = next.stability;
      difficulty = next.difficulty;
      scheduled = next.state === 3 ? 0 : gapDays;
      due = nextDue;
      last = at;
      t = j + 1 < k ? t + shape[j + 1] * unit : t;
    }
    // A healthy backlog: ~3% of studied cards due in the last week, 0.1% in relearning today; the rest due later.
    const roll = random();
    if (roll < 0.001) {
      state = 3;
      due = nowMs - Math.floor(random() * 60) * MINUTE;
    } else if (roll < 0.03) {
      due = nowMs - Math.floor(random() * 7 * DAY);
    } else if (due <= nowMs) {
      due = nowMs + Math.floor((1 + random() * 364) * DAY);
    }
    await out.add("CardState", STATE_COLUMNS, [`${cardId}s`, user.id, cardId, deck.cardDocument[i], new Date(due), stability, difficulty,
      0, scheduled, 0, reps, lapses, state, new Date(last!), false, 0, new Date(last!)]);
  }
  await out.flush();
  return { ...user, cards: deck.cardIds.length, logs: logNumber };
}

export interface GraderSpec {
  tag: string;
  users: number;
  cardsPerUser: number;
  passwordHash: string;
  now: Date;
  seed: number;
}

export interface Grader extends SyntheticUser {
  /** Due review cards, each graded at most once by the benchmark. */
  cardIds: string[];
}

export async function loadGraders(writer: BulkWriter, spec: GraderSpec): Promise<Grader[]> {
  const random = seededRandom(spec.seed);
  const out = new Batcher(writer);
  const nowMs = spec.now.getTime();
  const graders: Grader[] = [];
  for (let u = 0; u < spec.users; u++) {
    const user = { id: `${spec.tag}u${u}`, email: `${spec.tag}-${u}@bench.keypoint.test` };
    // No daily review limit to speak of: the benchmark grades far more than a person would in a day.
    await addUser(out, user, spec.passwordHash, { newLimit: 20, reviewLimit: 1_000_000 }, "UTC", new Date(nowMs - 400 * DAY));
    const deck = await addDeck(out, `${spec.tag}u${u}`, user.id, 1, spec.cardsPerUser, new Date(nowMs - 300 * DAY));
    for (let c = 0; c < deck.cardIds.length; c++) {
      const scheduled = 5 + Math.floor(random() * 40);
      const due = nowMs - Math.floor(random() * 3 * DAY) - MINUTE;
      await out.add("CardState", STATE_COLUMNS, [`${deck.cardIds[c]}s`, user.id, deck.cardIds[c], deck.cardDocument[c], new Date(due),
        scheduled * (0.8 + random() * 0.4), 3 + random() * 5, scheduled, scheduled, 0, 4, 0, 2, new Date(due - scheduled * DAY), false, 0, new Date(due - scheduled * DAY)]);
    }
    graders.push({ ...user, cardIds: deck.cardIds });
  }
  await out.flush();
  return graders;
}
