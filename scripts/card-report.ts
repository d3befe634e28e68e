/**
 * `npm run --silent card-report -- files… [--cards]`: per document, the cards the generator makes,
 * the words they came from, and the mechanical defects lib/generator/defects.ts can see.
 * `--cards` also lists every card with its defects. A .json file is read as a deck the CLI printed;
 * any other file goes through lib/documents' readers, as an upload does.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readDocument } from "../lib/documents";
import { generateDeck, MAX_DOCUMENT_BYTES, type DeckDraft } from "../lib/generator";
import { findDefects, type Defect } from "../lib/generator/defects";

const KINDS: Defect[] = ["split", "residue", "generic", "given-away", "thin-context", "bad-options", "option-in-prompt", "repeat"];

const args = process.argv.slice(2);
const showCards = args.includes("--cards");
const files = args.filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  process.stderr.write("usage: npm run --silent card-report -- <file>… [--cards]\n");
  process.exit(1);
}

const header = ["document", "words", "cards", "extra", "defective", "%", ...KINDS];
const rows: string[][] = [];
const totals = { cards: 0, defective: 0 };
for (const file of files) {
  // a deck the CLI wrote (`npm run generate -- file > deck.json`) is reported as it is
  let deck: Pick<DeckDraft, "title" | "topics" | "cards"> & { words?: number; candidates?: unknown[] };
  try {
    deck = file.endsWith(".json") ? JSON.parse(readFileSync(file, "utf8"))
      : generateDeck((await readDocument(readFileSync(file), { fileName: file, limits: { textBytes: MAX_DOCUMENT_BYTES } })).text);
  } catch (error) {
    process.stderr.write(`${basename(file)}: ${error instanceof Error ? error.message : String(error)}\n`);
    continue;
  }
  const defects = findDefects(deck);
  const defective = new Set(defects.map((d) => d.card.id));
  totals.cards += deck.cards.length;
  totals.defective += defective.size;
  const count = (kind: Defect) => String(defects.filter((d) => d.defect === kind).length);
  rows.push([basename(file), String(deck.words ?? "-"), String(deck.cards.length), String(deck.candidates?.length ?? "-"), String(defective.size),
    `${deck.cards.length ? Math.round((100 * defective.size) / deck.cards.length) : 0}%`, ...KINDS.map(count)]);
  if (showCards) {
    const titles = new Map(deck.topics.map((t) => [t.path, t.title]));
    process.stdout.write(`\n# ${basename(file)}: ${deck.title}\n`);
    for (const card of deck.cards) {
      const mine = defects.filter((d) => d.card === card).map((d) => `${d.defect} (${d.detail})`);
      process.stdout.write(`- [${card.topic === null ? "doc" : titles.get(card.topic)}] ${card.prompt}\n    = ${card.answer}`
        + `${card.options ? `   {${card.options.join(" | ")}}` : ""}   q${card.quality?.toFixed(2) ?? "-"}${mine.length ? `\n    !! ${mine.join("; ")}` : ""}\n`);
    }
  }
}
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join("  ");
process.stdout.write(`\n${line(header)}\n${rows.map(line).join("\n")}\n`);
process.stdout.write(`all: ${totals.cards} cards, ${totals.defective} with a mechanical defect (${totals.cards ? ((100 * totals.defective) / totals.cards).toFixed(1) : 0}%)\n`);
