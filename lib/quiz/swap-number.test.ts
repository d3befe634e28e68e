import { describe, expect, it } from "vitest";
import { seededRandom } from "./random";
import { swapNumber } from "./swap-number";

describe("swapNumber", () => {
  it.each(["45%", "90-95%", "8 weeks", "$5.5 million", "3x", "100%"])("changes the number of %s, keeping its unit", (answer) => {
    for (let seed = 0; seed < 20; seed++) {
      const swapped = swapNumber(answer, seededRandom(String(seed)))!;
      expect(swapped).not.toBeNull();
      expect(swapped).not.toBe(answer);
      expect(swapped.replace(/[\d.]+/g, "#")).toBe(answer.replace(/[\d.]+/g, "#"));
      if (answer.includes("%")) for (const n of swapped.match(/\d+/g)!) expect(Number(n)).toBeLessThanOrEqual(100);
    }
  });
  it("gives up on an answer without a number", () => {
    expect(swapNumber("China", seededRandom("x"))).toBeNull();
  });
});
