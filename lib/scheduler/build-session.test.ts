import { describe, expect, it } from "vitest";
import { buildStudySession, dueReviewsByRecall, type Candidate, type QueueEntry, type SessionCard, type StudySessionInput } from "./build-session";
import { gradeCard, type Rating, type ReviewLogFields } from "./grade-card";
import { CardState, newCardMemory, type CardMemory } from "./memory";
import { retrievabilityAt } from "./retrievability";
import { defaultSettings, type SchedulerSettings } from "./settings";
import { studyDayEnd, studyDayStart } from "./study-day";

const MIN = 60_000;
const DAY = 86_400_000;
const ny: SchedulerSettings = { ...defaultSettings, timeZone: "America/New_York" };
const noon = new Date("2025-01-15T17:00:00Z"); // 12:00 in New York

function review(cardId: string, source: string, opts: { stability: number; lastReview: Date; due: Date }): Candidate {
  return {
    cardId,
    source,
    memory: {
      due: opts.due,
      stability: opts.stability,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: Math.round((opts.due.getTime() - opts.lastReview.getTime()) / DAY),
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: CardState.Review,
      lastReview: opts.lastReview,
    },
  };
}

function learning(cardId: string, source: string, due: Date, state: 1 | 3 = 1): Candidate {
  return {
    cardId,
    source,
    memory: { ...newCardMemory(due), state, reps: 1, stability: 2, difficulty: 5, lastReview: new Date(due.getTime() - MIN) },
  };
}

function input(partial: Partial<StudySessionInput>): StudySessionInput {
  return {
    now: noon,
    settings: ny,
    learning: [],
    reviews: [],
    reviewBacklogTotal: 0,
    newCards: [],
    doneToday: { newCards: 0, reviews: 0 },
    ...partial,
  };
}

const ids = (n: number, prefix: string, sourceOf = (i: number) => `${prefix}-source-${i}`): SessionCard[] =>
  Array.from({ length: n }, (_, i) => ({ cardId: `${prefix}${i}`, source: sourceOf(i) }));

/**
 * A tiny in-memory stand-in for lib/db: it answers buildStudySession's queries
 * the way the real repository should, and records grades as ReviewLog rows.
 */
class StudyDesk {
  states = new Map<string, CardMemory>();
  logs: (ReviewLogFields & { cardId: string })[] = [];
  constructor(
    readonly cards: SessionCard[],
    readonly settings: SchedulerSettings,
  ) {}

  session(now: Date, previous: SessionCard | null = null) {
    const { timeZone, dayStartHour } = this.settings;
    const dayStart = studyDayStart(now, timeZone, dayStartHour);
    const dayEnd = studyDayEnd(now, timeZone, dayStartHour);
    const studied = this.cards.filter((c) => this.states.has(c.cardId));
    const withMemory = (c: SessionCard): Candidate => ({ ...c, memory: this.states.get(c.cardId)! });
    const dueToday = (c: Candidate) => c.memory.due < dayEnd;
    const today = this.logs.filter((l) => l.reviewedAt >= dayStart);
    const reviews = studied.map(withMemory).filter((c) => c.memory.state === CardState.Review && dueToday(c));
    return buildStudySession({
      now,
      settings: this.settings,
      learning: studied
        .map(withMemory)
        .filter((c) => (c.memory.state === CardState.Learning || c.memory.state === CardState.Relearning) && dueToday(c)),
      reviews,
      reviewBacklogTotal: reviews.length,
      newCards: this.cards.filter((c) => !this.states.has(c.cardId)).slice(0, this.settings.dailyNewLimit),
      doneToday: {
        newCards: today.filter((l) => l.prevState === CardState.New).length,
        reviews: today.filter((l) => l.prevState === CardState.Review).length,
      },
      previous,
    });
  }

  grade(cardId: string, rating: Rating, now: Date) {
    const memory = this.states.get(cardId) ?? newCardMemory(now);
    const result = gradeCard({ cardId, memory, rating, now, settings: this.settings });
    this.states.set(cardId, result.memory);
    this.logs.push({ ...result.log, cardId });
    return result;
  }

  /** Studies `count` cards from the front of the queue, rebuilding after each answer. */
  study(now: Date, count: number, rating: Rating = 3): Date {
    let previous: SessionCard | null = null;
    let t = now;
    for (let i = 0; i < count; i++) {
      const next: QueueEntry | undefined = this.session(t, previous).queue[0];
      if (!next) break;
      this.grade(next.cardId, rating, t);
      previous = this.cards.find((c) => c.cardId === next.cardId)!;
      t = new Date(t.getTime() + 10_000);
    }
    return t;
  }
}

describe("session order", () => {
  it("puts due learning cards first, then due reviews, then new cards", () => {
    const session = buildStudySession(
      input({
        learning: [learning("L1", "s1", new Date(noon.getTime() - MIN))],
        reviews: [review("R1", "s2", { stability: 5, lastReview: new Date(noon.getTime() - 5 * DAY), due: noon })],
        newCards: [{ cardId: "N1", source: "s3" }],
      }),
    );
    expect(session.queue).toEqual([
      { cardId: "L1", queue: "learning" },
      { cardId: "R1", queue: "review" },
      { cardId: "N1", queue: "new" },
    ]);
    expect(session.counts).toEqual({ new: 1, learning: 1, review: 1 });
  });

  it("shows learning cards due within 20 minutes only after everything else, and reports later ones", () => {
    const session = buildStudySession(
      input({
        learning: [
          learning("soon", "a", new Date(noon.getTime() + 5 * MIN)),
          learning("later", "b", new Date(noon.getTime() + 3 * 60 * MIN)),
          learning("due", "c", new Date(noon.getTime() - MIN), 3),
        ],
        newCards: [{ cardId: "N1", source: "d" }],
      }),
    );
    expect(session.queue.map((e) => e.cardId)).toEqual(["due", "N1", "soon"]);
    expect(session.learningLaterToday).toEqual({ count: 1, nextDue: new Date(noon.getTime() + 3 * 60 * MIN) });
  });

  it("brings a learning card answered Again back after its 1-minute step", () => {
    const desk = new StudyDesk(ids(5, "n"), ny);
    desk.grade("n0", 1, noon);
    const soon = desk.session(new Date(noon.getTime() + 30_000), desk.cards[0]);
    expect(soon.queue[0]).toEqual({ cardId: "n1", queue: "new" });
    expect(soon.queue.at(-1)).toEqual({ cardId: "n0", queue: "learning" }); // learn-ahead, at the end
    const afterStep = desk.session(new Date(noon.getTime() + 61_000));
    expect(afterStep.queue[0]).toEqual({ cardId: "n0", queue: "learning" });
  });

  it("does not show the card just answered again straight away when anything else is left", () => {
    const session = buildStudySession(
      input({
        learning: [learning("x", "s", new Date(noon.getTime() - MIN)), learning("y", "s", new Date(noon.getTime() - 1))],
        previous: { cardId: "x", source: "s" },
      }),
    );
    expect(session.queue[0].cardId).toBe("y");
  });
});

describe("daily limits", () => {
  it("introduces at most the daily new limit across several sessions in one day, and more the next day", () => {
    const desk = new StudyDesk(ids(50, "n"), { ...ny, dailyNewLimit: 20 });
    expect(desk.session(noon).counts.new).toBe(20);
    desk.study(noon, 8, 4); // Easy: straight to review, out of today's queue
    expect(desk.session(new Date(noon.getTime() + 2 * 60 * MIN)).counts.new).toBe(12);
    const evening = new Date("2025-01-16T01:00:00Z"); // 20:00 the same study day
    desk.study(evening, 30, 4);
    expect(desk.logs.filter((l) => l.prevState === CardState.New)).toHaveLength(20);
    expect(desk.session(new Date("2025-01-16T08:59:00Z")).counts.new).toBe(0); // 03:59, still the 15th
    expect(desk.session(new Date("2025-01-16T09:00:00Z")).counts.new).toBe(20); // 04:00, a new study day
  });

  it("subtracts reviews already done today from the review limit", () => {
    const reviews = Array.from({ length: 10 }, (_, i) =>
      review(`r${i}`, `s${i}`, { stability: 10, lastReview: new Date(noon.getTime() - 10 * DAY), due: noon }),
    );
    const settings = { ...ny, dailyReviewLimit: 6 };
    expect(buildStudySession(input({ settings, reviews })).counts.review).toBe(6);
    expect(buildStudySession(input({ settings, reviews, doneToday: { newCards: 0, reviews: 4 } })).counts.review).toBe(2);
    expect(buildStudySession(input({ settings, reviews, doneToday: { newCards: 0, reviews: 9 } })).counts.review).toBe(0);
  });

  it("never limits learning cards", () => {
    const learningCards = Array.from({ length: 30 }, (_, i) => learning(`l${i}`, `s${i}`, new Date(noon.getTime() - MIN)));
    const settings = { ...ny, dailyNewLimit: 0, dailyReviewLimit: 0 };
    expect(buildStudySession(input({ settings, learning: learningCards })).counts.learning).toBe(30);
  });
});

describe("per-deck limits", () => {
  const inDeck = (cards: SessionCard[], documentId: string) => cards.map((card) => ({ ...card, documentId }));
  // The bundled deck was added first, so its unseen cards come first in document order.
  const podcast = inDeck(ids(40, "p"), "podcast");
  const heart = inDeck(ids(23, "h"), "heart");
  const overdue = (prefix: string, n: number, documentId: string) =>
    Array.from({ length: n }, (_, i) => ({
      ...review(`${prefix}${i}`, `${prefix}-s${i}`, { stability: 5 + i, lastReview: new Date(noon.getTime() - 20 * DAY), due: new Date(noon.getTime() - DAY) }),
      documentId,
    }));

  it("lets one deck crowd the other out when only the global limit applies", () => {
    const session = buildStudySession(input({ settings: { ...ny, dailyNewLimit: 50 }, newCards: [...podcast, ...heart] }));
    expect(session.counts.new).toBe(50);
    expect(session.queue.filter((e) => e.cardId.startsWith("h"))).toHaveLength(10);
  });

  it("keeps a deck to its own new-card limit, so the next deck gets the rest of the global one", () => {
    const deckLimits = { podcast: { newPerDay: 5, reviewsPerDay: 200 } };
    const session = buildStudySession(input({ settings: { ...ny, dailyNewLimit: 50 }, newCards: [...podcast, ...heart], deckLimits }));
    expect(session.queue.filter((e) => e.cardId.startsWith("p"))).toHaveLength(5);
    expect(session.queue.filter((e) => e.cardId.startsWith("h"))).toHaveLength(23);
    expect(session.counts.new).toBe(28);
  });

  it("lets a deck's own limit go above the default while the global limit still caps the day", () => {
    const deckLimits = { podcast: { newPerDay: 0, reviewsPerDay: 0 }, heart: { newPerDay: 30, reviewsPerDay: 200 } };
    const capped = buildStudySession(input({ settings: { ...ny, dailyNewLimit: 20 }, newCards: [...podcast, ...heart], deckLimits }));
    expect(capped.queue.map((e) => e.cardId)).toEqual(expect.arrayContaining(heart.slice(0, 20).map((c) => c.cardId)));
    expect(capped.counts.new).toBe(20);
    const roomy = buildStudySession(input({ settings: { ...ny, dailyNewLimit: 100 }, newCards: [...podcast, ...heart], deckLimits }));
    expect(roomy.counts.new).toBe(23);
  });

  it("counts what was studied today in a deck against that deck's limit", () => {
    const deckLimits = { heart: { newPerDay: 10, reviewsPerDay: 200 } };
    const session = buildStudySession(input({
      settings: { ...ny, dailyNewLimit: 50 },
      newCards: heart,
      deckLimits,
      doneToday: { newCards: 7, reviews: 0 },
      doneTodayByDeck: { heart: { newCards: 7, reviews: 0 } },
    }));
    expect(session.counts.new).toBe(3);
  });

  it("holds a deck's reviews to its own limit and counts the rest as held back", () => {
    const reviews = [...overdue("x", 12, "podcast"), ...overdue("y", 4, "heart")];
    const deckLimits = { podcast: { newPerDay: 20, reviewsPerDay: 3 } };
    const session = buildStudySession(input({ reviews, deckLimits, reviewBacklogTotal: 16, dueReviewsByDeck: { podcast: 12 } }));
    expect(session.queue.filter((e) => e.cardId.startsWith("x"))).toHaveLength(3);
    expect(session.queue.filter((e) => e.cardId.startsWith("y"))).toHaveLength(4);
    expect(session.counts.review).toBe(7);
    expect(session.backlogBeyondLimit).toBe(9);
  });
});

describe("review backlog", () => {
  const backlog = [
    // Same interval, different lateness; and different intervals, same lateness.
    review("a", "sa", { stability: 10, lastReview: new Date(noon.getTime() - 12 * DAY), due: new Date(noon.getTime() - 2 * DAY) }),
    review("b", "sb", { stability: 10, lastReview: new Date(noon.getTime() - 40 * DAY), due: new Date(noon.getTime() - 30 * DAY) }),
    review("c", "sc", { stability: 100, lastReview: new Date(noon.getTime() - 130 * DAY), due: new Date(noon.getTime() - 30 * DAY) }),
    review("d", "sd", { stability: 2, lastReview: new Date(noon.getTime() - 5 * DAY), due: new Date(noon.getTime() - 3 * DAY) }),
    review("e", "se", { stability: 30, lastReview: new Date(noon.getTime() - 30 * DAY), due: noon }),
  ];

  it("serves the reviews most overdue for their interval (lowest predicted recall) first", () => {
    const session = buildStudySession(input({ reviews: backlog }));
    const order = session.queue.map((e) => e.cardId);
    const recall = (id: string) => retrievabilityAt(backlog.find((c) => c.cardId === id)!.memory, noon, ny)!;
    expect(order.map(recall)).toEqual([...order.map(recall)].sort((x, y) => x - y));
    expect(order[0]).toBe("b"); // 30 days late on a 10-day interval beats 30 days late on 100
    expect(order.indexOf("b")).toBeLessThan(order.indexOf("c"));
  });

  it("reports the reviews held back by the limit instead of dropping them", () => {
    const session = buildStudySession(input({ reviews: backlog, settings: { ...ny, dailyReviewLimit: 2 } }));
    expect(session.queue.map((e) => e.cardId)).toHaveLength(2);
    expect(session.backlogBeyondLimit).toBe(3);
    const big = buildStudySession(input({ reviews: backlog, reviewBacklogTotal: 900, settings: { ...ny, dailyReviewLimit: 2 } }));
    expect(big.backlogBeyondLimit).toBe(898);
  });

  it("counts every due review within the limit when it is given only the lowest-recall few", () => {
    const session = buildStudySession(input({ reviews: backlog.slice(0, 3), reviewBacklogTotal: 40, settings: { ...ny, dailyReviewLimit: 25 } }));
    expect(session.queue).toHaveLength(3);
    expect(session.counts.review).toBe(25);
    expect(session.backlogBeyondLimit).toBe(15);
  });

  it("serves held-back reviews on the following days until the backlog is gone", () => {
    const desk = new StudyDesk(ids(12, "n"), { ...ny, dailyReviewLimit: 5, dailyNewLimit: 12 });
    desk.study(noon, 12, 4); // 12 cards learned today, all straight to review
    const muchLater = new Date(noon.getTime() + 200 * DAY);
    const first = desk.session(muchLater);
    expect(first.counts.review).toBe(5);
    expect(first.backlogBeyondLimit).toBe(7);
    desk.study(muchLater, 5, 3);
    expect(desk.session(new Date(muchLater.getTime() + 60 * MIN)).backlogBeyondLimit).toBe(7);
    const nextDay = new Date(muchLater.getTime() + DAY);
    expect(desk.session(nextDay).counts.review).toBe(5);
    expect(desk.session(nextDay).backlogBeyondLimit).toBe(2);
  });
});

describe("day boundary in the user's time zone", () => {
  it("includes a review due later today from 4 a.m. New York time, not before", () => {
    const card = review("r", "s", {
      stability: 1,
      lastReview: new Date("2025-01-15T10:00:00Z"),
      due: new Date("2025-01-16T10:00:00Z"), // 05:00 New York on the 16th
    });
    const at = (iso: string) => buildStudySession(input({ now: new Date(iso), reviews: [card] })).counts.review;
    expect(at("2025-01-16T08:59:00Z")).toBe(0); // 03:59: still the 15th's study day
    expect(at("2025-01-16T09:00:00Z")).toBe(1); // 04:00: the 16th has begun
  });

  it("starts Tokyo's study day at 4 a.m. JST (19:00 UTC)", () => {
    const tokyo = { ...ny, timeZone: "Asia/Tokyo" };
    const card = review("r", "s", {
      stability: 1,
      lastReview: new Date("2025-06-01T01:00:00Z"),
      due: new Date("2025-06-02T01:00:00Z"), // 10:00 JST on 2 June
    });
    const at = (iso: string) => buildStudySession(input({ now: new Date(iso), settings: tokyo, reviews: [card] })).counts.review;
    expect(at("2025-06-01T18:59:00Z")).toBe(0);
    expect(at("2025-06-01T19:00:00Z")).toBe(1);
  });

  it("keeps the 4 a.m. boundary across the DST change", () => {
    const card = review("r", "s", {
      stability: 1,
      lastReview: new Date("2025-03-08T12:00:00Z"),
      due: new Date("2025-03-09T12:00:00Z"),
    });
    const at = (iso: string) => buildStudySession(input({ now: new Date(iso), reviews: [card] })).counts.review;
    // After spring forward, 4 a.m. EDT is 08:00 UTC, not 09:00.
    expect(at("2025-03-09T07:59:00Z")).toBe(0);
    expect(at("2025-03-09T08:00:00Z")).toBe(1);
  });

  it("does not serve a review card twice in one study day", () => {
    const card = review("r", "s", { stability: 1, lastReview: new Date(noon.getTime() - 60 * MIN), due: new Date(noon.getTime() + 10 * 60 * MIN) });
    expect(buildStudySession(input({ reviews: [card] })).counts.review).toBe(0);
  });
});

describe("siblings", () => {
  it("never puts two cards from one source sentence back to back when avoidable", () => {
    const newCards = ids(12, "n", (i) => `sentence-${Math.floor(i / 3)}`); // 4 sentences x 3 cards, document order
    const reviews = Array.from({ length: 6 }, (_, i) =>
      review(`r${i}`, `sentence-${i % 2}`, { stability: 5, lastReview: new Date(noon.getTime() - (6 + i) * DAY), due: noon }),
    );
    const session = buildStudySession(input({ reviews, newCards }));
    const sourceOf = new Map([...newCards, ...reviews].map((c) => [c.cardId, c.source]));
    const sources = session.queue.map((e) => sourceOf.get(e.cardId));
    for (let i = 1; i < sources.length; i++) expect(sources[i], `position ${i}`).not.toBe(sources[i - 1]);
    expect(session.queue).toHaveLength(18);
  });

  it("keeps siblings apart across rebuilds in a real study run", () => {
    const desk = new StudyDesk(ids(12, "n", (i) => `sentence-${Math.floor(i / 4)}`), ny);
    desk.study(noon, 40, 3);
    const shown = desk.logs.map((l) => desk.cards.find((c) => c.cardId === l.cardId)!.source);
    const adjacent = shown.filter((s, i) => i > 0 && s === shown[i - 1]).length;
    expect(adjacent).toBe(0);
  });

  it("orders the same input the same way every time", () => {
    const newCards = ids(30, "n", (i) => `s${i % 4}`);
    expect(buildStudySession(input({ newCards })).queue).toEqual(buildStudySession(input({ newCards })).queue);
  });
});

describe("bad input", () => {
  it("refuses cards listed in the wrong queue", () => {
    const r = review("r", "s", { stability: 1, lastReview: noon, due: noon });
    expect(() => buildStudySession(input({ learning: [r] }))).toThrow(/listed as learning/);
    expect(() => buildStudySession(input({ reviews: [learning("l", "s", noon)] }))).toThrow(/listed as a review/);
  });

  it("lists a card once even if it is passed twice", () => {
    const card = { cardId: "n", source: "s" };
    expect(buildStudySession(input({ newCards: [card, card] })).queue).toHaveLength(1);
  });
});

describe("dueReviewsByRecall", () => {
  it("orders today's due reviews by predicted recall, leaving out cards not due today or already reviewed today", () => {
    const dayStart = studyDayStart(noon, ny.timeZone, ny.dayStartHour);
    const dayEnd = studyDayEnd(noon, ny.timeZone, ny.dayStartHour);
    const fading = review("fading", "a", { stability: 2, lastReview: new Date(noon.getTime() - 20 * DAY), due: new Date(noon.getTime() - 18 * DAY) });
    const fresh = review("fresh", "b", { stability: 30, lastReview: new Date(noon.getTime() - 30 * DAY), due: noon });
    const laterToday = review("later", "c", { stability: 10, lastReview: new Date(noon.getTime() - 12 * DAY), due: new Date(dayEnd.getTime() - MIN) });
    const tomorrow = review("tomorrow", "d", { stability: 10, lastReview: new Date(noon.getTime() - 5 * DAY), due: dayEnd });
    const answeredToday = review("answered", "e", { stability: 1, lastReview: new Date(dayStart.getTime() + MIN), due: new Date(dayStart.getTime() + 2 * MIN) });
    const ordered = dueReviewsByRecall([fresh, tomorrow, laterToday, answeredToday, fading], noon, ny);
    expect(ordered.map((card) => card.cardId)).toEqual(["fading", "later", "fresh"]);
    const recalls = ordered.map((card) => retrievabilityAt(card.memory, noon, ny)!);
    expect([...recalls].sort((a, b) => a - b)).toEqual(recalls);
  });
});
