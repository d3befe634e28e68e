import { describe, expect, it } from "vitest";
import { fingerprint } from "./fingerprint";

describe("fingerprint", () => {
  it("is stable and ignores word order, case and punctuation of the source", () => {
    const a = fingerprint("num:percent:45", "Revenue rose by 45%, the firm said.");
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(fingerprint("num:percent:45", "the firm said revenue rose by 45%")).toBe(a);
  });

  it("differs for a different fact", () => {
    expect(fingerprint("num:percent:45", "Revenue rose by 45%.")).not.toBe(fingerprint("num:percent:32", "Revenue rose by 45%."));
  });
});
