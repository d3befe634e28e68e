import { describe, expect, it } from "vitest";
import { deckLimitsToday, extraNewToday, settingsForDay, withExtraNewCards } from "./daily-limits";
import { defaultSettings } from "./settings";

const now = new Date("2026-03-10T15:00:00Z");
const tonight = new Date("2026-03-11T04:00:00Z");

describe("today's limits", () => {
  it("adds extra new cards until the end of the study day they were granted for", () => {
    expect(extraNewToday({ extraNewCards: 15, extraNewUntil: tonight }, now)).toBe(15);
    expect(extraNewToday({ extraNewCards: 15, extraNewUntil: tonight }, tonight)).toBe(0);
    expect(extraNewToday({}, now)).toBe(0);
    expect(withExtraNewCards(defaultSettings, { extraNewCards: 15, extraNewUntil: tonight }, now).dailyNewLimit).toBe(35);
    expect(withExtraNewCards(defaultSettings, { extraNewCards: 15, extraNewUntil: null }, now)).toBe(defaultSettings);
  });

  it("gives a deck its own limits, the global ones where it has none, and raises its new limit by the extras", () => {
    const settings = { ...defaultSettings, dailyNewLimit: 35 };
    expect(deckLimitsToday({ newPerDay: null, reviewsPerDay: null }, settings, 15)).toBeNull();
    expect(deckLimitsToday({ newPerDay: 5, reviewsPerDay: null }, settings, 15)).toEqual({ newPerDay: 20, reviewsPerDay: 200 });
    expect(deckLimitsToday({ newPerDay: null, reviewsPerDay: 40 }, settings, 0)).toEqual({ newPerDay: 35, reviewsPerDay: 40 });
  });
});

describe("a user's settings for the day", () => {
  it("are their own settings with today's extra new cards", () => {
    const user = { timeZone: "UTC", desiredRetention: 0.9, dailyNewLimit: 10, dailyReviewLimit: 100, fsrsParams: null, learningSteps: "1m 10m", relearningSteps: "10m" };
    expect(settingsForDay({ ...user, extraNewCards: 5, extraNewUntil: tonight }, now)).toMatchObject({ dailyNewLimit: 15, dailyReviewLimit: 100 });
    expect(settingsForDay(user, now).dailyNewLimit).toBe(10);
  });
});
