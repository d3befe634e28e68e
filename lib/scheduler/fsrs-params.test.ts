import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMETERS, formatParameters, parseParameters, sameParameters, validParameters } from "./fsrs-params";

const anki =
  "0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542";

describe("FSRS parameters in Anki's format", () => {
  it("copies the 21 numbers as Anki shows them and reads them back", () => {
    expect(formatParameters(default_w)).toBe(anki);
    expect(parseParameters(anki)).toEqual([...default_w]);
    expect(parseParameters(`[${anki.replace(/, /g, ",\n")}]`)).toEqual([...default_w]);
  });

  it("reads an FSRS-5 set of 19 as FSRS-6", () => {
    const fsrs5 = parseParameters(anki.split(", ").slice(0, 19).join(", "));
    expect(fsrs5).toHaveLength(21);
    expect(fsrs5.slice(0, 19)).toEqual(default_w.slice(0, 19));
  });

  it("refuses text that is not 21 numbers in FSRS-6's ranges, saying why", () => {
    expect(() => parseParameters("0.2, 1.2, 2.3")).toThrow(/21 parameters; these are 3 numbers/);
    expect(() => parseParameters(anki.replace("1.2931", "abc"))).toThrow(/"abc" is not a number/);
    expect(() => parseParameters(anki.replace("0.212", "250"))).toThrow(/Parameter 1 \(250\) is outside the range/);
    expect(() => validParameters([1, 2])).toThrow(/21 parameters, got 2/);
  });

  it("compares sets, null meaning the defaults", () => {
    expect(sameParameters(null, DEFAULT_PARAMETERS)).toBe(true);
    expect(sameParameters(null, [...default_w.slice(0, 20), 0.2])).toBe(false);
  });
});
