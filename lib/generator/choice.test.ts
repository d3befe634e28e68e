import { describe, expect, it } from "vitest";
import { gapSentence } from "./candidates";
import { buildChoice, buildListChoice } from "./choice";
import { extractNumericClaims, type NumericClaim } from "./numeric-claims";
import { matchKey } from "./normalise";

function choiceFor(sentence: string, seed = 0, pool: NumericClaim[] = []) {
  const claim = extractNumericClaims(sentence)[0];
  const card = buildChoice(gapSentence(sentence, claim.start, claim.end), claim, [claim, ...pool], seed);
  expect(card).not.toBeNull();
  return { claim, card: card! };
}

const number = (o: string) => Number(o.replace(/[^\d.]+/g, " ").trim().split(" ")[0]);

describe("buildChoice", () => {
  it("gives 3-5 distinct options including the answer exactly once, sorted numerically", () => {
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("Retention improved by 32% after the launch.", seed);
      expect(card.options.length).toBeGreaterThanOrEqual(3);
      expect(card.options.length).toBeLessThanOrEqual(5);
      expect(card.options.filter((o) => o === card.answer)).toHaveLength(1);
      expect(new Set(card.options.map(matchKey)).size).toBe(card.options.length);
      const values = card.options.map(number);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
    }
  });

  it("does not always put the correct option at an extreme", () => {
    const positions = new Set<string>();
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("Revenue grew by 45% in the year.", seed);
      const i = card.options.indexOf(card.answer);
      positions.add(i === 0 || i === card.options.length - 1 ? "extreme" : "inside");
    }
    expect(positions.has("inside")).toBe(true);
  });

  it("a range claim gets non-overlapping range distractors in the same format", () => {
    const { claim, card } = choiceFor("R1 is 90-95% more affordable than the rival.");
    expect(card.answer).toBe("90-95%");
    for (const o of card.options.filter((x) => x !== card.answer)) {
      expect(o).toMatch(/^\d+-\d+%$/);
      const [lo, hi] = o.replace("%", "").split("-").map(Number);
      expect(hi < claim.value || lo > claim.high!).toBe(true);
      expect(hi).toBeLessThanOrEqual(100);
    }
  });

  it("keeps shares within natural limits (no share above 100%)", () => {
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("About 96% of users stayed on the plan.", seed);
      expect(card.options.every((o) => number(o) > 0 && number(o) <= 100)).toBe(true);
    }
  });

  it("never offers negative or zero counts", () => {
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("The study followed 3 hospitals over the winter.", seed);
      expect(card.options.every((o) => number(o) >= 1)).toBe(true);
    }
  });

  it("asks a bound as the sentence says it, with no question stuck in front", () => {
    const { card } = choiceFor("The ban requires that at least 50% of chips be built at home.");
    expect(card.prompt).toBe("The ban requires that at least [...] of chips be built at home.");
    expect(card.options.every((o) => /^\d+%$/.test(o))).toBe(true);
  });

  it("keeps a count's noun in the prompt and offers bare numbers", () => {
    const { card } = choiceFor("The crawler fetches 4 billion links each month from the web.");
    expect(card.prompt).toBe("The crawler fetches [...] links each month from the web.");
    expect(card.answer).toBe("4 billion");
    expect(card.options.every((o) => /^\d+(\.\d)? billion$/.test(o))).toBe(true);
  });

  it("never offers a value the prompt shows", () => {
    const { card } = choiceFor("Cycles were cut from 6 weeks to just 4 weeks last year.");
    expect(card.options).not.toContain("6 weeks");
  });

  it("keeps small durations plausible: no one-hour night from eight hours", () => {
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("Students who shorten their sleep from 8 hours to 5 hours lose much of the benefit.", seed);
      expect(card.options.every((o) => number(o) >= 3 && number(o) < 8)).toBe(true);
    }
  });

  it("keeps range distractors near the answer, never overlapping it", () => {
    for (let seed = 0; seed < 10; seed++) {
      const { card } = choiceFor("Adults need 7 to 9 hours of sleep for memory to consolidate.", seed);
      for (const o of card.options.filter((x) => x !== card.answer)) {
        const [lo, hi] = o.match(/\d+/g)!.map(Number);
        expect(hi < 7 || lo > 9).toBe(true);
        expect(lo).toBeGreaterThanOrEqual(3);
        expect(hi).toBeLessThanOrEqual(15);
      }
    }
  });

  it("moves a small temperature by half degrees", () => {
    const { card } = choiceFor("Core body temperature drops by about 1 °C during the first sleep cycle.");
    expect(card.options.every((o) => number(o) <= 2.5)).toBe(true);
  });

  it("keeps change distractors on the answer's side of the starting value", () => {
    const { card } = choiceFor("Cycles were cut from 6 months to just 8 weeks.");
    expect(card.options.every((o) => /weeks?$/.test(o))).toBe(true);
    expect(card.options.every((o) => number(o) * 7 < 6 * 30.44)).toBe(true);
  });

  it("formats money and multipliers like the answer", () => {
    expect(choiceFor("Packs cost $115 per kilowatt-hour now.").card.options.every((o) => /^\$\d+ per kilowatt-hour$/.test(o))).toBe(true);
    expect(choiceFor("The grant was $5.6 million in total.").card.options.every((o) => /^\$\d+(\.\d)? million$/.test(o))).toBe(true);
    expect(choiceFor("Capacity tripled in two years.").card.options).toContain("doubled");
  });

  it("prefers numbers from the same document as distractors when they fit", () => {
    const pool = extractNumericClaims("Revenue rose 45% and churn fell 18% later.");
    const { card } = choiceFor("Retention improved by 32% after the launch.", 1, pool);
    expect(card.options.some((o) => o === "45%" || o === "18%")).toBe(true);
  });
});

describe("spelled-out numbers (round 3)", () => {
  const pool = extractNumericClaims("Some calves nurse for nine months, others for 4 months, and a few for 14 months or 3 hours.");
  it("never offers a number the prompt shows in the other spelling", () => {
    const sentence = "A mare carries her foal for eleven months, and foals born before 9 months rarely survive.";
    const claim = extractNumericClaims(sentence)[0];
    expect(claim.answer).toBe("eleven months");
    for (let seed = 0; seed < 6; seed++) {
      const card = buildChoice(gapSentence(sentence, claim.start, claim.end), claim, [claim, ...pool], seed);
      expect(card?.options ?? []).not.toContain("nine months");
    }
  });

  it("never mixes numbers in words with numbers in digits", () => {
    for (let seed = 0; seed < 6; seed++) {
      const { card } = choiceFor("Most foals are weaned at twelve months on the farm.", seed, pool);
      expect(card.options.filter((o) => /\d/.test(o)), card.options.join()).toEqual([]);
      const digits = choiceFor("Most calves stand within 3 hours of birth on the pasture.", seed, extractNumericClaims("Foals stand within two hours.")).card;
      expect(digits.options.every((o) => /^\d+ hours$/.test(o)), digits.options.join()).toBe(true);
    }
  });
});

describe("buildListChoice", () => {
  it("offers three other terms of the same list, none shown in the prompt or part of the answer", () => {
    const card = buildListChoice("[...]: the fluid-filled space around the thylakoids", "Stroma",
      ["Thylakoid", "Grana", "Chlorophyll", "Stroma lamellae", "Lumen"], 0)!;
    expect(card.options).toHaveLength(4);
    expect(card.options).toContain("Stroma");
    expect(card.options).not.toContain("Thylakoid");
    expect(card.options).not.toContain("Stroma lamellae");
  });

  it("gives no choice card when fewer than three fair distractors exist", () => {
    expect(buildListChoice("[...]: the green pigment", "Chlorophyll", ["Stroma", "Grana"], 0)).toBeNull();
  });
});
