import { describe, expect, it } from "vitest";
import { gradeAnnouncement, revealAnnouncement, spokenInterval } from "./review-announcements";

describe("review announcements", () => {
  it("reads interval labels as words, singular for one", () => {
    expect(spokenInterval("1m")).toBe("1 minute");
    expect(spokenInterval("10m")).toBe("10 minutes");
    expect(spokenInterval("1.5h")).toBe("1.5 hours");
    expect(spokenInterval("1d")).toBe("1 day");
    expect(spokenInterval("3d")).toBe("3 days");
    expect(spokenInterval("1.2mo")).toBe("1.2 months");
    expect(spokenInterval("2y")).toBe("2 years");
    expect(spokenInterval("<1m")).toBe("less than a minute");
  });

  it("says the grade and when the card comes back", () => {
    expect(gradeAnnouncement(1, "1m")).toBe("Again in 1 minute");
    expect(gradeAnnouncement(3, "3d")).toBe("Good in 3 days");
  });

  it("says whether a picked option was right, or reads the answer of a cloze", () => {
    expect(revealAnnouncement("Paris", true)).toBe("Correct");
    expect(revealAnnouncement("Paris", false)).toBe("Not quite: the answer is Paris");
    expect(revealAnnouncement("Paris", null)).toBe("Answer: Paris");
  });
});
