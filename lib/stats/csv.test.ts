import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

describe("csv", () => {
  it("quotes fields with commas, quotes and line breaks, and leaves others bare", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(0.25)).toBe("0.25");
    expect(csvLine(["a", 1, true, null])).toBe("a,1,true,\r\n");
  });

  it("neutralises text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvField("=HYPERLINK(\"http://evil.example\",\"click\")")).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+41 22 000")).toBe("'+41 22 000");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(csvField("\t=1+1")).toBe("'\t=1+1");
    expect(csvField("\r=1+1")).toBe('"\'\r=1+1"');
    expect(csvField("a = b")).toBe("a = b");
    expect(csvField(-1.5)).toBe("-1.5");
    expect(csvLine(["=cmd", -3])).toBe("'=cmd,-3\r\n");
  });
});

