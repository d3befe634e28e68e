/**
 * Figure 5: the card generator on the seed document, a 1 MB document, and how
 * its time grows from 100 KB to 5 MB. Large documents are built from the
 * generator's own fixtures, with every number shifted per copy so no two
 * sections generate the same facts (which dedupe would drop).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateDeck } from "../../lib/generator";
import { documentLanguage } from "../../lib/generator/language";
import { parseDocument } from "../../lib/generator/parse-document";
import { log, median, timeRuns } from "../measure";
import { row, type Row } from "../report";

const FIXTURES = ["coral-podcast.txt", "grid-batteries.md", "sleep-lecture.txt"];

function sentencesFrom(root: string): string[] {
  const lines = FIXTURES.flatMap((name) => readFileSync(path.join(root, "lib/generator/fixtures", name), "utf8").split("\n"));
  return lines.map((l) => l.replace(/^[-*\d.)\s]+/, "").trim()).filter((l) => l.length > 40 && !l.startsWith("#") && /[.!?]$/.test(l));
}

/** A Markdown document of about `bytes` UTF-8 bytes: numbered parts, each a heading and a dozen shifted sentences. */
export function syntheticDocument(root: string, bytes: number): string {
  const sentences = sentencesFrom(root);
  const parts: string[] = ["# Synthetic field report\n\nA long report generated for the benchmarks from the generator's fixtures.\n"];
  let size = Buffer.byteLength(parts[0]);
  for (let part = 1; size < bytes; part++) {
    const body: string[] = [];
    for (let s = 0; s < 12; s++) {
      const template = sentences[(part * 7 + s) % sentences.length];
      body.push(template.replace(/\d+(\.\d+)?/g, (n) => String(Number(n) + part * 3 + s)));
    }
    const section = `\n## Part ${part}: findings from site ${part}\n\n${body.join(" ")}\n`;
    parts.push(section);
    size += Buffer.byteLength(section);
  }
  return parts.join("");
}

export async function generatorFigures(root: string, quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const seed = readFileSync(path.join(root, "content/default-deck.txt"), "utf8");
  const seedTimes = await timeRuns(quick ? 5 : 20, () => generateDeck(seed), 2);
  rows.push(row({ figure: "5 generator: seed document", db: "-", size: `${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB`, unit: "ms",
    median: median(seedTimes), target: "≤ 20 ms", met: median(seedTimes) <= 20 }));
  // issue 19: detecting the language is part of the seed's time above, and must stay a small part of it
  const parsed = parseDocument(seed);
  const detectTimes = await timeRuns(quick ? 20 : 200, () => documentLanguage(parsed), 5);
  rows.push(row({ figure: "5 generator: language detection on the seed", db: "-", size: `${(Buffer.byteLength(seed) / 1024).toFixed(1)} KB`, unit: "ms",
    median: median(detectTimes), target: "≤ 5 ms", met: median(detectTimes) <= 5 }));

  const sizes = quick ? [50_000, 250_000] : [100_000, 1_000_000, 5_000_000];
  const perByte = new Map<number, number>();
  for (const bytes of sizes) {
    const text = syntheticDocument(root, bytes);
    const runs = bytes >= 1_000_000 ? (quick ? 1 : 3) : quick ? 2 : 5;
    let cards = 0;
    const times = await timeRuns(runs, () => (cards = generateDeck(text).cards.length), bytes >= 5_000_000 ? 0 : 1);
    const ms = median(times);
    perByte.set(bytes, ms / Buffer.byteLength(text));
    log(`generator ${bytes} bytes: ${ms.toFixed(0)} ms, ${cards} cards`);
    if (bytes === 1_000_000) {
      rows.push(row({ figure: "5 generator: 1 MB document", db: "-", size: `1 MB, ${cards} cards`, unit: "ms", median: ms, target: "≤ 2,000 ms", met: ms <= 2000 }));
    } else {
      rows.push(row({ figure: `5 generator: ${bytes / 1000} KB document`, db: "-", size: `${bytes / 1000} KB, ${cards} cards`, unit: "ms", median: ms }));
    }
  }
  const small = perByte.get(sizes[0])!;
  const large = perByte.get(sizes[sizes.length - 1])!;
  const ratio = large / small;
  rows.push(row({ figure: "5 generator linearity (time per byte, large ÷ small)", db: "-", size: `${sizes[0] / 1000} KB → ${sizes[sizes.length - 1] / 1000} KB`,
    unit: "ratio", median: ratio, target: "≈ 1 (≤ 1.5)", met: ratio <= 1.5 }));
  return rows;
}
