import { describe, expect, it } from "vitest";
import { separateSiblings } from "./sibling-order";

const sources = (list: string[]) => list;
const id = (s: string) => s;
const adjacentPairs = (list: string[], previous: string | null = null) =>
  [previous, ...list].slice(previous === null ? 1 : 0).filter((s, i, all) => i > 0 && s === all[i - 1]).length;

function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i], ...rest];
  }
}

function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

describe("separateSiblings", () => {
  it("keeps the order when no neighbours share a source", () => {
    expect(separateSiblings(sources(["a", "b", "c", "a"]), id)).toEqual(["a", "b", "c", "a"]);
  });

  it("moves a sibling back just far enough", () => {
    const cards = [
      { id: 1, s: "a" },
      { id: 2, s: "a" },
      { id: 3, s: "b" },
      { id: 4, s: "c" },
    ];
    expect(separateSiblings(cards, (c) => c.s).map((c) => c.id)).toEqual([1, 3, 2, 4]);
  });

  it("looks ahead where a greedy pick would strand siblings at the end", () => {
    const out = separateSiblings(sources(["a", "b", "a", "c", "c"]), id);
    expect(adjacentPairs(out)).toBe(0);
  });

  it("keeps the card shown before the queue apart from its siblings", () => {
    expect(separateSiblings(sources(["a", "b"]), id, "a")).toEqual(["b", "a"]);
  });

  it("never puts siblings together when some order avoids it (exhaustive up to 7 cards)", () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 300; trial++) {
      const n = 2 + Math.floor(random() * 6);
      const list = Array.from({ length: n }, () => "abc"[Math.floor(random() * 3)]);
      const previous = random() < 0.5 ? "abc"[Math.floor(random() * 3)] : null;
      let best = Infinity;
      for (const p of permutations(list)) best = Math.min(best, adjacentPairs(p, previous));
      const out = separateSiblings(list, id, previous);
      expect([...out].sort()).toEqual([...list].sort());
      if (best === 0) expect(adjacentPairs(out, previous), `${list.join("")} after ${previous}`).toBe(0);
    }
  });

  it("is deterministic and handles a long queue quickly", () => {
    const random = seededRandom(7);
    const list = Array.from({ length: 5000 }, () => `s${Math.floor(random() * 400)}`);
    const started = performance.now();
    const out = separateSiblings(list, id);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(adjacentPairs(out)).toBe(0);
    expect(separateSiblings(list, id)).toEqual(out);
  });
});
