import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("makes cuid-shaped ids: c, time, counter and 12 hex digits of randomness", () => {
    expect(newId()).toMatch(/^c[0-9a-z]{9}[0-9a-z]{4}[0-9a-f]{12}$/);
  });

  it("stays unique and in the order made across many draws of randomness", () => {
    // 20,000 ids span several refills of the random pool.
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    const randomParts = new Set(ids.map((id) => id.slice(-12)));
    expect(randomParts.size).toBe(ids.length);
    const prefixes = ids.map((id) => id.slice(0, 14));
    // The counter wraps at 36^4; within 20,000 ids it only grows (with the time in front).
    expect([...prefixes].sort()).toEqual(prefixes);
  });
});
