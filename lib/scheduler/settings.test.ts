import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { defaultSettings, schedulerFor, settingsFromUser } from "./settings";

const user = { timeZone: "Asia/Tokyo", desiredRetention: 0.85, dailyNewLimit: 10, dailyReviewLimit: 100, fsrsParams: null, learningSteps: "1m 10m", relearningSteps: "10m" };

describe("settings", () => {
  it("default to Anki's: 90% retention, 20 new, 200 reviews, 1m 10m steps, 4 a.m.", () => {
    expect(defaultSettings).toMatchObject({
      desiredRetention: 0.9,
      dailyNewLimit: 20,
      dailyReviewLimit: 200,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      fsrsParams: null,
      dayStartHour: 4,
    });
  });

  it("come from the user's columns, with fitted parameters parsed from JSON", () => {
    expect(settingsFromUser(user)).toMatchObject({ timeZone: "Asia/Tokyo", desiredRetention: 0.85, dailyNewLimit: 10 });
    const fitted = settingsFromUser({ ...user, fsrsParams: JSON.stringify(default_w) });
    expect(fitted.fsrsParams).toEqual([...default_w]);
  });

  it("refuse values that cannot schedule", () => {
    expect(() => settingsFromUser({ ...user, fsrsParams: "[1,2" })).toThrow(/not valid JSON/);
    expect(() => settingsFromUser({ ...user, fsrsParams: "[1,2,3]" })).toThrow(/21 parameters/);
    expect(() => settingsFromUser({ ...user, desiredRetention: 1.2 })).toThrow(/retention/);
    expect(() => settingsFromUser({ ...user, dailyNewLimit: -1 })).toThrow(/new-card limit/);
    expect(() => settingsFromUser({ ...user, timeZone: "Nowhere/Land" })).toThrow(/time zone/);
    expect(() => schedulerFor({ ...defaultSettings, learningSteps: ["soon"] })).toThrow(/step "soon"/);
    expect(() => settingsFromUser({ ...user, learningSteps: "0.5m" })).toThrow(/"0.5m" is not a whole number/);
    expect(() => settingsFromUser({ ...user, relearningSteps: "1.5h" })).toThrow(/"1.5h" is not a whole number/);
  });

  it("take the user's own steps", () => {
    expect(settingsFromUser({ ...user, learningSteps: "5m 30m 1d", relearningSteps: "" })).toMatchObject({
      learningSteps: ["5m", "30m", "1d"],
      relearningSteps: [],
    });
  });

  it("reuse one ts-fsrs scheduler per distinct setting", () => {
    const a = schedulerFor({ ...defaultSettings, timeZone: "UTC" });
    const b = schedulerFor({ ...defaultSettings, timeZone: "Asia/Tokyo", dailyNewLimit: 5 });
    expect(b).toBe(a);
    expect(schedulerFor({ ...defaultSettings, desiredRetention: 0.8 })).not.toBe(a);
  });

  it("follow a settings object whose scheduling fields are replaced between calls", () => {
    const settings = { ...defaultSettings };
    const first = schedulerFor(settings);
    expect(schedulerFor(settings)).toBe(first);
    settings.desiredRetention = 0.85;
    const lower = schedulerFor(settings);
    expect(lower).not.toBe(first);
    expect(lower.parameters.request_retention).toBe(0.85);
    settings.learningSteps = ["5m"];
    expect(schedulerFor(settings).parameters.learning_steps).toEqual(["5m"]);
    settings.fsrsParams = [...schedulerFor(settings).parameters.w].map((w, i) => (i === 0 ? w + 0.5 : w));
    expect(schedulerFor(settings).parameters.w[0]).toBe(settings.fsrsParams[0]);
    settings.desiredRetention = 2;
    expect(() => schedulerFor(settings)).toThrow(/retention/);
  });
});
