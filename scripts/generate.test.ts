import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const tsx = join(root, "node_modules/.bin/tsx");
const run = (...args: string[]) => spawnSync(tsx, [join(root, "scripts/generate.ts"), ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "keypoint-generate-"));

describe("scripts/generate.ts", () => {
  it("prints the deck as JSON with exactly the documented fields", () => {
    const out = JSON.parse(execFileSync(tsx, [join(root, "scripts/generate.ts"), join(root, "content/default-deck.txt")], { encoding: "utf8" }));
    expect(Object.keys(out)).toEqual(["title", "topics", "cards"]);
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
    ["a binary file", (() => { const p = join(dir, "x.png"); writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])); return p; })(), /binary/],
    ["a file with no sentences", (() => { const p = join(dir, "list.txt"); writeFileSync(p, "Title\n1. Intro\n2. End\n"); return p; })(), /no complete sentences/],
  ])("exits 1 with one clear line for %s", (_label, file, message) => {
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 30_000);
});
