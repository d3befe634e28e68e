import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toMarkdown } from "../lib/documents/blocks";
import { damagedPdf, lockedPdf, scannedPdf, zipBombDocx } from "../lib/documents/fixtures/bad-files";
import { renderDocx } from "../lib/documents/fixtures/render-docx";
import { renderHtml } from "../lib/documents/fixtures/render-html";
import { renderPdf } from "../lib/documents/fixtures/render-pdf";
import { handout } from "../lib/documents/fixtures/sample-document";

const root = join(__dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
const run = (...args: string[]) => spawnSync(tsx, [join(root, "scripts/generate.ts"), ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "keypoint-generate-"));

describe("scripts/generate.ts", () => {
  it("prints the deck as JSON with exactly the documented fields", () => {
    const out = JSON.parse(execFileSync(tsx, [join(root, "scripts/generate.ts"), join(root, "content/default-deck.txt")], { encoding: "utf8" }));
    expect(Object.keys(out)).toEqual(["title", "language", "topics", "cards"]); // "notice" only for a document not in English
    expect(Object.keys(out.topics[0])).toEqual(["path", "title"]);
    for (const card of out.cards) {
      const keys = ["id", "kind", "topic", "prompt", "answer", ...(card.kind === "choice" ? ["options"] : []), "source"];
      expect(Object.keys(card)).toEqual(keys);
    }
  }, 30_000);

  it("prints a readable version with --format text", () => {
    const result = run(join(root, "content/default-deck.txt"), "--format", "text");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("## 3. Cost Efficiency: A Game Changer in AI");
  }, 30_000);

  it.each([
    ["a missing file", join(dir, "missing.txt"), /file not found/],
    ["an empty file", (() => { const p = join(dir, "empty.txt"); writeFileSync(p, ""); return p; })(), /empty/],
    ["a binary file", (() => { const p = join(dir, "x.png"); writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])); return p; })(), /not \.png/],
    ["a binary file named .txt", (() => { const p = join(dir, "x.txt"); writeFileSync(p, Buffer.from([1, 0, 2, 0, 3])); return p; })(), /binary, not text/],
    ["a file with no sentences", (() => { const p = join(dir, "list.txt"); writeFileSync(p, "Title\n1. Intro\n2. End\n"); return p; })(), /Cards are made from sentences/],
  ])("exits 1 with one clear line for %s", (_label, file, message) => {
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 30_000);
});

describe("scripts/generate.ts reads every format a learner has", () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    const blocks = handout();
    const write = (name: string, bytes: Uint8Array | string) => {
      files[name] = join(dir, name);
      writeFileSync(files[name], bytes);
    };
    write("handout.md", toMarkdown(blocks, "unused"));
    write("handout.pdf", await renderPdf(blocks, { runningHeader: "BIO 101", pageNumbers: true }));
    write("handout.docx", await renderDocx(blocks));
    write("handout.html", renderHtml(blocks));
    write("locked.pdf", lockedPdf());
    write("scan.pdf", await scannedPdf());
    write("damaged.pdf", damagedPdf());
    write("bomb.docx", zipBombDocx());
  }, 60_000);

  it("prints the same deck for the .md, the .pdf, the .docx and the saved .html page", () => {
    const decks = ["handout.md", "handout.pdf", "handout.docx", "handout.html"].map((name) => {
      const result = run(files[name]);
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout);
    });
    expect(decks[0].title).toBe("Photosynthesis Handout");
    expect(decks[0].cards.length).toBeGreaterThan(3);
    for (const deck of decks.slice(1)) expect(deck).toEqual(decks[0]);
  }, 60_000);

  it.each([
    ["locked.pdf", /locked with a password/],
    ["scan.pdf", /has no text layer/],
    ["damaged.pdf", /damaged/],
    ["bomb.docx", /would expand to 2\.9 GB/],
  ])("exits 1 with one line for %s", (name, message) => {
    const result = run(files[name]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  }, 30_000);
});
