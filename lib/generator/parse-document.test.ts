import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse-document";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const seed = () => readFileSync(join(__dirname, "../../content/default-deck.txt"), "utf8");

describe("parseDocument", () => {
  it("reads the podcast-summary layout: summary, key points, emoji sections, bodiless subsections", () => {
    const doc = parseDocument(seed());
    expect(doc.title).toMatch(/^Sharp Tech Podcast/);
    expect(doc.summary).toMatch(/^Deep Seek, a Chinese AI startup/);
    expect(doc.keyPoints).toHaveLength(5);
    expect(doc.sections.map((s) => s.path)).toEqual(["1", "2", "3", "4", "4.1", "4.2", "5", "5.1", "5.2", "6", "7", "8", "9", "10", "11"]);
    expect(doc.sections.find((s) => s.path === "3")?.title).toBe("Cost Efficiency: A Game Changer in AI");
    expect(doc.sections.find((s) => s.path === "4.1")).toMatchObject({ title: "China's AI Team and Infrastructure", blocks: [] });
    expect(doc.sections.find((s) => s.path === "7")?.blocks).toHaveLength(6);
  });

  it("reads Markdown headings, a key takeaways list and nested headings", () => {
    const doc = parseDocument(fixture("grid-batteries.md"));
    expect(doc.title).toBe("Grid Batteries in Practice");
    expect(doc.summary).toMatch(/^Utility-scale batteries/);
    expect(doc.keyPoints).toHaveLength(4);
    expect(doc.sections.map((s) => `${s.path} ${s.title}`)).toEqual([
      "1 Costs and Financing", "2 Performance", "2.1 Cycling", "2.2 Heat", "3 Outlook",
    ]);
    expect(doc.sections[0].blocks).toHaveLength(1); // soft-wrapped lines form one paragraph
  });

  it("reads lecture notes: Summary:, numbered main ideas, lettered sections of paragraphs", () => {
    const doc = parseDocument(fixture("sleep-lecture.txt"));
    expect(doc.title).toBe("Lecture 7: Sleep and Memory Consolidation");
    expect(doc.summary).toMatch(/^Sleep is not a pause/);
    expect(doc.keyPoints).toEqual([
      "The hippocampus replays recent experiences during slow-wave sleep.",
      "Adults need 7 to 9 hours of sleep for memory consolidation to work well.",
      "Sleep spindles link the hippocampus and the neocortex.",
      "Pulling an all-nighter before an exam harms recall.",
    ]);
    expect(doc.sections.map((s) => `${s.path} ${s.title}`)).toEqual(["A Stages of sleep", "B Evidence from experiments", "C Practical advice"]);
    expect(doc.sections[0].blocks.every((b) => b.kind === "paragraph")).toBe(true);
  });

  it("joins soft-wrapped Markdown lines and strips inline markup", () => {
    const doc = parseDocument("# T\n\n## Part one\nThe **core** idea is\nsimple [enough](http://x).\n\n- a bullet\n  that wraps\n");
    expect(doc.sections[0].blocks).toEqual([
      { kind: "paragraph", text: "The core idea is simple enough.", marks: [{ kind: "strong", text: "core" }] },
      { kind: "bullet", text: "a bullet that wraps" },
    ]);
  });
});
