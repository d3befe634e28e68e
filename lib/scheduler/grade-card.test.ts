import { describe, expect, it } from "vitest";
import { gradeCard, memoryBeforeLog, type Rating } from "./grade-card";
import { CardState, newCardMemory, type CardMemory } from "./memory";
import { defaultSettings, type SchedulerSettings } from "./settings";
import { studyDaysBetween, utcOffsetMs } from "./study-day";

const MINUTE = 60_000;
const DAY = 86_400_000;
const settings: SchedulerSettings = { ...defaultSettings, timeZone: "America/New_York" };
const start = new Date("2025-01-15T15:00:00Z"); // 10:00 in New York

function grade(memory: CardMemory, rating: number, now: Date, cardId = "card-1", s = settings) {
  return gradeCard({ cardId, memory, rating, now, settings: s });
}

/** Walks a new card through the given ratings, each answered when due (or at `start`). */
function history(ratings: Rating[], cardId = "card-1") {
  let memory = newCardMemory(start);
  let now = start;
  for (const rating of ratings) {
    now = new Date(Math.max(now.getTime(), memory.due.getTime()));
    memory = grade(memory, rating, now, cardId).memory;
  }
  return { memory, now: new Date(Math.max(now.getTime(), memory.due.getTime())) };
}

describe("gradeCard from each state", () => {
  it("takes a new card through the 1m and 10m learning steps", () => {
    const fresh = newCardMemory(start);
    const again = grade(fresh, 1, start).memory;
    expect(again.state).toBe(CardState.Learning);
    expect(again.due.getTime() - start.getTime()).toBe(1 * MINUTE);
    const hard = grade(fresh, 2, start).memory;
    expect(hard.due.getTime() - start.getTime()).toBe(6 * MINUTE); // halfway between 1m and 10m, as Anki
    const good = grade(fresh, 3, start).memory;
    expect(good.state).toBe(CardState.Learning);
    expect(good.due.getTime() - start.getTime()).toBe(10 * MINUTE);
    const easy = grade(fresh, 4, start).memory;
    expect(easy.state).toBe(CardState.Review);
    expect(easy.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(easy.due.getTime() - start.getTime()).toBe(easy.scheduledDays * DAY);
    for (const m of [again, hard, good, easy]) {
      expect(m.reps).toBe(1);
      expect(m.lastReview).toEqual(start);
    }
  });

  it("graduates a learning card on Good at the last step and restarts it on Again", () => {
    const { memory, now } = history([3]); // at the 10m step
    const good = grade(memory, 3, now).memory;
    expect(good.state).toBe(CardState.Review);
    expect(good.scheduledDays).toBeGreaterThanOrEqual(1);
    const again = grade(memory, 1, now).memory;
    expect(again.state).toBe(CardState.Learning);
    expect(again.due.getTime() - now.getTime()).toBe(1 * MINUTE);
  });

  it("lengthens a review card's interval with the rating and sends Again to the 10m relearning step", () => {
    const { memory, now } = history([3, 3]);
    expect(memory.state).toBe(CardState.Review);
    const results = ([1, 2, 3, 4] as const).map((r) => grade(memory, r, now).memory);
    const [again, hard, good, easy] = results;
    expect(again.state).toBe(CardState.Relearning);
    expect(again.lapses).toBe(memory.lapses + 1);
    expect(again.due.getTime() - now.getTime()).toBe(10 * MINUTE);
    expect(hard.scheduledDays).toBeLessThan(good.scheduledDays);
    expect(good.scheduledDays).toBeLessThan(easy.scheduledDays);
    for (const m of [hard, good, easy]) expect(m.state).toBe(CardState.Review);
  });

  it("brings a relearning card back to review on Good and keeps it relearning on Again", () => {
    const { memory, now } = history([3, 3, 1]);
    expect(memory.state).toBe(CardState.Relearning);
    const again = grade(memory, 1, now).memory;
    expect(again.state).toBe(CardState.Relearning);
    expect(again.due.getTime() - now.getTime()).toBe(10 * MINUTE);
    const good = grade(memory, 3, now).memory;
    expect(good.state).toBe(CardState.Review);
    expect(good.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it("honours custom steps", () => {
    const custom = { ...settings, learningSteps: ["5m"], relearningSteps: ["30m"] };
    const first = grade(newCardMemory(start), 1, start, "card-1", custom).memory;
    expect(first.due.getTime() - start.getTime()).toBe(5 * MINUTE);
  });
});

describe("gradeCard log", () => {
  it("records the memory before, the result and the predicted recall", () => {
    const { memory, now } = history([3, 3]);
    const later = new Date(now.getTime() + 3 * DAY);
    const { memory: next, log } = grade(memory, 3, later);
    expect(log).toMatchObject({
      rating: 3,
      reviewedAt: later,
      prevState: CardState.Review,
      prevDue: memory.due,
      prevStability: memory.stability,
      prevReps: memory.reps,
      prevLastReview: memory.lastReview,
      state: next.state,
      due: next.due,
      stability: next.stability,
      difficulty: next.difficulty,
      scheduledDays: next.scheduledDays,
    });
    expect(log.retrievability).toBeGreaterThan(0);
    expect(log.retrievability).toBeLessThan(1);
  });

  it("has no predicted recall for a new card", () => {
    expect(grade(newCardMemory(start), 3, start).log.retrievability).toBeNull();
  });

  it("predicts lower recall the longer a card waits", () => {
    const { memory, now } = history([3, 3]);
    const onTime = grade(memory, 3, now).log.retrievability!;
    const late = grade(memory, 3, new Date(now.getTime() + 30 * DAY)).log.retrievability!;
    expect(late).toBeLessThan(onTime);
  });
});

describe("undo", () => {
  it("restores the exact previous memory from the log's prev columns", () => {
    for (const ratings of [[], [3], [3, 3], [3, 3, 1]] as Rating[][]) {
      const { memory, now } = history(ratings);
      for (const rating of [1, 2, 3, 4] as const) {
        const { log } = grade(memory, rating, now);
        // Round-trip through JSON-like storage shapes: plain numbers and Dates.
        const stored = { ...log, prevState: log.prevState as number };
        expect(memoryBeforeLog(stored)).toEqual(memory);
      }
    }
  });
});

describe("fuzz", () => {
  it("gives the same due for the same card, time and rating", () => {
    const { memory, now } = history([3, 3, 3]);
    const a = grade(memory, 3, now);
    const b = grade({ ...memory }, 3, new Date(now.getTime()));
    expect(b).toEqual(a);
  });

  it("spreads intervals across cards, so equal cards do not all fall due on one day", () => {
    const intervals = new Set<number>();
    for (let i = 0; i < 40; i++) intervals.add(history([3, 3, 3], `card-${i}`).memory.scheduledDays);
    expect(intervals.size).toBeGreaterThan(1);
  });
});

describe("elapsed time in study days", () => {
  it("counts 23:00 to 08:00 the next morning as one day in the user's zone", () => {
    const tokyo = { ...settings, timeZone: "Asia/Tokyo" };
    // Reviewed 10:00 JST on 1 June (01:00Z), again 08:00 JST on 2 June (23:00Z on 1 June):
    // the same UTC date, but the next study day in Tokyo.
    const first = grade(newCardMemory(new Date("2025-06-01T01:00:00Z")), 4, new Date("2025-06-01T01:00:00Z"), "c", tokyo);
    const second = grade(first.memory, 3, new Date("2025-06-01T23:00:00Z"), "c", tokyo);
    expect(second.memory.elapsedDays).toBe(1);
  });
});

describe("bad input", () => {
  it.each([0, 5, 2.5, -1, Number.NaN, "3", null])("refuses rating %s", (rating) => {
    expect(() => grade(newCardMemory(start), rating as number, start)).toThrow(/1 \(Again\).*4 \(Easy\)/);
  });

  it("refuses a corrupt memory", () => {
    const memory = { ...newCardMemory(start), state: 7 } as unknown as CardMemory;
    expect(() => grade(memory, 3, start)).toThrow(/state must be 0-3/);
  });

  it("treats a clock that stepped back as the moment of the last review", () => {
    const { memory, now } = history([3]);
    const { memory: next } = grade(memory, 3, new Date(now.getTime() - DAY));
    expect(next.lastReview!.getTime()).toBeGreaterThanOrEqual(memory.lastReview!.getTime());
  });
});

describe("whole-day intervals across a change of UTC offset", () => {
  const HOUR = 3_600_000;
  const inZone = (timeZone: string) => ({ ...settings, timeZone });
  /** A learning card at its last step (step 1 of 1m/10m): Good graduates it. */
  const learningCard = (now: Date): CardMemory => ({
    due: now,
    stability: 0.3,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 1,
    reps: 1,
    lapses: 0,
    state: CardState.Learning,
    lastReview: new Date(now.getTime() - 10 * MINUTE),
  });
  const reviewCard = (now: Date, stability: number): CardMemory => ({
    due: now,
    stability,
    difficulty: 5,
    elapsedDays: 3,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: CardState.Review,
    lastReview: new Date(now.getTime() - 3 * DAY),
  });

  it("puts a card graded in New York at 04:30 EDT the day before clocks fall back on the next study day", () => {
    const now = new Date("2025-11-01T08:30:00Z"); // 04:30 EDT, study day 1 November
    const ny = inZone("America/New_York");
    const { memory } = grade(learningCard(now), 3, now, "card-1", ny);
    expect(memory.state).toBe(CardState.Review);
    expect(memory.scheduledDays).toBe(1);
    // 04:30 EST on 2 November (study day 2 November), 25 hours later; not 03:30 EST (still 1 November).
    expect(memory.due.toISOString()).toBe("2025-11-02T09:30:00.000Z");
    expect(studyDaysBetween(now, memory.due, "America/New_York")).toBe(1);
    // Stability, difficulty and the interval are ts-fsrs's own: the same as in a zone that stays at EDT's offset.
    const fixed = grade(learningCard(now), 3, now, "card-1", inZone("Etc/GMT+4")).memory;
    expect({ ...memory, due: null }).toEqual({ ...fixed, due: null });
    expect(memory.due.getTime() - fixed.due.getTime()).toBe(HOUR);
  });

  // Each zone's changes in 2025: New York ±1 h at 02:00, Berlin ±1 h at 02:00/03:00, Lord Howe ±30 min at 02:00.
  const changes = [
    ["America/New_York", "2025-03-09T07:00:00Z"],
    ["America/New_York", "2025-11-02T06:00:00Z"],
    ["Europe/Berlin", "2025-03-30T01:00:00Z"],
    ["Europe/Berlin", "2025-10-26T01:00:00Z"],
    ["Australia/Lord_Howe", "2025-04-05T15:00:00Z"],
    ["Australia/Lord_Howe", "2025-10-04T15:30:00Z"],
  ] as const;

  it.each(changes)("lands N study days ahead at the same local time in %s around %s", (timeZone, change) => {
    const zone = inZone(timeZone);
    let checked = 0;
    // Every 30 minutes from 3 days before the change to 1 day after: intervals of 1-30 days cross it.
    for (let t = Date.parse(change) - 3 * DAY; t <= Date.parse(change) + DAY; t += 30 * MINUTE) {
      const now = new Date(t);
      const cards = [learningCard(now), reviewCard(now, 0.8), reviewCard(now, 15)];
      for (const [index, card] of cards.entries()) {
        for (const rating of [2, 4] as const) {
          const { memory } = grade(card, rating, now, `card-${index}`, zone);
          if (memory.scheduledDays < 1) continue;
          expect(studyDaysBetween(now, memory.due, timeZone), `${now.toISOString()} rating ${rating}`).toBe(memory.scheduledDays);
          // The same wall-clock time of day, unless that time is skipped or repeated on the day (01:00-04:00 here).
          const wall = (instant: Date) => (instant.getTime() + utcOffsetMs(instant, timeZone)) % DAY;
          if (wall(now) < HOUR || wall(now) >= 4 * HOUR) expect(wall(memory.due)).toBe(wall(now));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("keeps a wall-clock time that a jump skips inside the right study day (day start at 3 a.m. in New York)", () => {
    const zone = { ...inZone("America/New_York"), dayStartHour: 3 };
    // 02:30 EST on Saturday 8 March belongs to study day 7 March; one day later 02:30 does not exist.
    const now = new Date("2025-03-08T07:30:00Z");
    const { memory } = grade(learningCard(now), 3, now, "card-1", zone);
    expect(memory.scheduledDays).toBe(1);
    expect(studyDaysBetween(now, memory.due, "America/New_York", 3)).toBe(1);
  });
});
