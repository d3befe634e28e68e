import { describe, expect, it } from "vitest";
import { inlineMarkdown, toMarkdown, type Block } from "./blocks";

describe("canonical Markdown", () => {
  it("keeps spaces outside emphasis markers and merges runs of one style", () => {
    expect(inlineMarkdown([{ text: "The " }, { text: "Calvin ", bold: true }, { text: "cycle", bold: true }, { text: " fixes " }, { text: "CO2", code: true }, { text: "." }])).toBe(
      "The **Calvin cycle** fixes `CO2`.",
    );
  });

  it("makes the only top heading the title, closes gaps between levels and numbers each list from 1", () => {
    const blocks: Block[] = [
      { kind: "heading", level: 2, runs: [{ text: "Title" }] },
      { kind: "heading", level: 4, runs: [{ text: "Part" }] },
      { kind: "item", depth: 0, ordered: true, runs: [{ text: "one" }] },
      { kind: "item", depth: 1, ordered: false, runs: [{ text: "detail" }] },
      { kind: "item", depth: 0, ordered: true, runs: [{ text: "two" }] },
      { kind: "heading", level: 6, runs: [{ text: "Sub" }] },
      { kind: "table", rows: [["a|b", "c"], ["1", "2"]] },
    ];
    expect(toMarkdown(blocks, "unused")).toBe("# Title\n\n## Part\n\n1. one\n  - detail\n2. two\n\n### Sub\n\n| a\\|b | c |\n| --- | --- |\n| 1 | 2 |\n");
  });

  it("adds the fallback title when the top heading level is used more than once", () => {
    const part = (text: string): Block => ({ kind: "heading", level: 1, runs: [{ text }] });
    expect(toMarkdown([part("One"), part("Two")], "Notes")).toBe("# Notes\n\n## One\n\n## Two\n");
  });

  it("fences code holding backticks with a longer fence", () => {
    expect(toMarkdown([{ kind: "code", text: "```js\nx\n```" }], "T")).toBe("# T\n\n````\n```js\nx\n```\n````\n");
  });
});
