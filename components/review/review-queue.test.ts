import { describe, expect, it } from "vitest";
import { CardState, newCardMemory } from "@/lib/scheduler/memory";
import type { Rating } from "@/lib/scheduler/ratings";
import { defaultSettings } from "@/lib/scheduler/settings";
import type { SessionPayload } from "./review-api";
import { afterAnswer, emptyTally, restoredTally, sessionProgress, storedTally, suggestedRating, undoLabel, withCardBack, withCurrentFirst, withEditedCard } from "./review-queue";

const NOW = new Date("2026-03-02T12:00:00Z");
const DAY = 86_400_000;
/** Real memories, so the scheduler decides what comes back: a new card, one at its first learning step, one reviewed 10 days ago. */
const MEMORY = {
  new: newCardMemory(NOW),
  learning: { ...newCardMemory(NOW), state: CardState.Learning, learningSteps: 1, reps: 1, stability: 0.4, difficulty: 5, lastReview: new Date(NOW.getTime() - 600_000) },
  review: { ...newCardMemory(NOW), state: CardState.Review, reps: 4, stability: 10, difficulty: 5, scheduledDays: 10, lastReview: new Date(NOW.getTime() - 10 * DAY) },
};
const scheduler = { ...defaultSettings, timeZone: "UTC" };

const card = (id: string, queue: "new" | "learning" | "review" = "review", extra: object = {}) =>
  ({ id, queue, kind: "cloze", prompt: `${id} [...]`, answer: id, options: null, memory: MEMORY[queue], ...extra }) as unknown as SessionPayload["cards"][number];

const DAY_START = new Date("2026-03-02T04:00:00Z");
const session = (ids: string[], counts = { new: 0, learning: 0, review: ids.length }, queue: "new" | "learning" | "review" = "review") =>
  ({ cards: ids.map((id) => card(id, queue)), counts, backlogBeyondLimit: 0, learningLaterToday: { count: 0, nextDue: null }, dueTomorrow: 0, dayStart: DAY_START, now: NOW, scheduler }) as SessionPayload;

const total = (s: SessionPayload) => s.counts.new + s.counts.learning + s.counts.review;

describe("the review queue", () => {
  it("drops the answered card and counts it off its own queue", () => {
    const next = afterAnswer(session(["a", "b"], { new: 0, learning: 0, review: 5 }), 3, NOW);
    expect(next.cards.map((c) => c.id)).toEqual(["b"]);
    expect(next.counts).toEqual({ new: 0, learning: 0, review: 4 });
    expect(afterAnswer(session([], { new: 0, learning: 0, review: 0 }), 3, NOW).cards).toEqual([]);
  });

  it("keeps a card answered Again in the counts, as learning: it comes back in this session", () => {
    const fresh = session(["a", "b", "c"], { new: 3, learning: 0, review: 0 }, "new");
    const again = afterAnswer(fresh, 1, NOW);
    expect(again.counts).toEqual({ new: 2, learning: 1, review: 0 });
    expect(total(again)).toBe(3);
    // A review card forgotten goes to relearning: still to come.
    expect(afterAnswer(session(["r"], { new: 0, learning: 0, review: 1 }), 1, NOW).counts).toEqual({ new: 0, learning: 1, review: 0 });
  });

  it("counts a new card's learning steps one by one, never in jumps, and lets it go once it leaves the session", () => {
    let s = session(["a", "b", "c"], { new: 3, learning: 0, review: 0 }, "new");
    const totals: number[] = [];
    for (const rating of [3, 3, 3] as Rating[]) {
      s = afterAnswer(s, rating, NOW);
      totals.push(s.counts.learning);
    }
    expect(totals).toEqual([1, 2, 3]);
    // The learning card answered Easy graduates to days away: it leaves the counts.
    const learning = { ...session(["x"], { new: 0, learning: 1, review: 0 }, "learning") };
    expect(afterAnswer(learning, 4, NOW).counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(afterAnswer(session(["r"]), 3, NOW).counts).toEqual({ new: 0, learning: 0, review: 0 });
  });

  it("keeps the card on screen first when fresher data arrives, leaving out cards whose grade is on its way", () => {
    const fresh = session(["x", "a", "b", "c"]);
    expect(withCurrentFirst(fresh, "b", new Set(["x"])).cards.map((c) => c.id)).toEqual(["b", "a", "c"]);
    expect(withCurrentFirst(fresh, "gone").cards.map((c) => c.id)).toEqual(["x", "a", "b", "c"]);
    expect(withCurrentFirst(fresh, undefined)).toBe(fresh);
  });

  it("shows an edited card's new content in place", () => {
    const edited = withEditedCard(session(["a", "b"]), { id: "b", prompt: "fixed [...]" });
    expect(edited.cards.map((c) => [c.id, c.prompt])).toEqual([["a", "a [...]"], ["b", "fixed [...]"]]);
  });

  it("suggests Good for a right pick or a cloze card, Again for a wrong pick", () => {
    const choice = card("q", "review", { kind: "choice", options: ["yes", "no"], answer: "yes" });
    expect(suggestedRating(choice, 0)).toBe(3);
    expect(suggestedRating(choice, 1)).toBe(1);
    expect(suggestedRating(choice, null)).toBe(3);
    expect(suggestedRating(card("c"), 0)).toBe(3);
  });

  it("puts an undone card back at the head, counted once in its queue", () => {
    const answered = afterAnswer(session(["a", "b"], { new: 0, learning: 0, review: 5 }), 3, NOW);
    const back = withCardBack(answered, card("a"));
    expect(back.cards.map((c) => c.id)).toEqual(["a", "b"]);
    expect(back.counts.review).toBe(5);
    // Already there (fresher server data brought it back): not counted twice.
    expect(withCardBack(back, card("a")).counts.review).toBe(5);
  });

  it("names the action undo would take back", () => {
    expect(undoLabel(undefined)).toBe("Undo");
    expect(undoLabel({ kind: "grade", reviewLogId: "l", card: card("a"), correct: true })).toBe("Undo answer");
    expect(undoLabel({ kind: "suspend", card: card("a") })).toBe("Undo suspend");
    expect(undoLabel({ kind: "edit", cardId: "a", before: { prompt: null, answer: null, options: null } })).toBe("Undo edit");
  });
});

describe("the session's progress", () => {
  it("moves forward with each answer, and stands still on Again (one answer given, one card still to come)", () => {
    const tally = { ...emptyTally, reviewed: 2 };
    expect(sessionProgress(tally, { new: 1, learning: 0, review: 1 })).toBe(0.5);
    const afterAgain = sessionProgress({ ...tally, reviewed: 3 }, { new: 0, learning: 1, review: 1 });
    expect(afterAgain).toBe(0.6);
    expect(sessionProgress(emptyTally, { new: 0, learning: 0, review: 0 })).toBe(1);
  });

  it("undo takes back one answer: the tally and the counts the server sends add up to the same total", () => {
    const before = session(["a", "b"], { new: 2, learning: 0, review: 0 }, "new");
    const answered = afterAnswer(before, 1, NOW);
    const tallyAfter = { ...emptyTally, reviewed: 1 };
    expect(tallyAfter.reviewed + total(answered)).toBe(3);
    // Undo: the tally drops the answer and the server's rebuilt session has the card back as new.
    const undone = { ...emptyTally, reviewed: 0 };
    expect(undone.reviewed + total(before)).toBe(2);
    expect(sessionProgress(undone, before.counts)).toBe(0);
  });

  it("survives a reload on the same study day, and starts afresh on the next", () => {
    const tally = { reviewed: 7, correct: 5, startedAt: 1000, lastAnswerAt: 9000 };
    const kept = storedTally(tally, DAY_START);
    expect(restoredTally(kept, DAY_START.toISOString())).toEqual(tally);
    expect(restoredTally(kept, new Date(DAY_START.getTime() + DAY))).toEqual(emptyTally);
    expect(restoredTally(null, DAY_START)).toEqual(emptyTally);
    expect(restoredTally("{not json", DAY_START)).toEqual(emptyTally);
    expect(restoredTally(JSON.stringify({ dayStart: DAY_START.getTime(), tally: { reviewed: -3, correct: "x" } }), DAY_START)).toEqual(emptyTally);
    // Reloaded mid-session: the restored tally and the server's counts give the same progress as before.
    expect(sessionProgress(restoredTally(kept, DAY_START), { new: 3, learning: 0, review: 0 })).toBe(0.7);
  });
});
