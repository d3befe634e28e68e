/**
 * Command line: `tsx scripts/generate.ts <file> [--format json|text] [--max-per-topic N]`.
 * Reads .txt, .md, .rst, .pdf, .docx and saved .html pages (lib/documents); prints the deck as JSON (default)
 * or grouped by topic; bad input exits 1 with one line on stderr.
 */
import { readFileSync, statSync } from "node:fs";
import { DocumentError, readDocument } from "../lib/documents";
import { generateDeck, GeneratorError, languageNotice, MAX_DOCUMENT_BYTES, type DeckDraft } from "../lib/generator";

function fail(message: string): never {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; format: "json" | "text"; max?: number } {
  let file: string | undefined;
  let format: "json" | "text" = "json";
  let max: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--format") {
      const value = argv[++i];
      if (value !== "json" && value !== "text") fail(`--format must be "json" or "text", got ${JSON.stringify(value ?? "")}`);
      format = value;
    } else if (arg.startsWith("--format=")) {
      const value = arg.slice(9);
      if (value !== "json" && value !== "text") fail(`--format must be "json" or "text", got ${JSON.stringify(value)}`);
      format = value;
    } else if (arg === "--max-per-topic") {
      max = Number(argv[++i]);
      if (!Number.isInteger(max) || max < 1) fail("--max-per-topic must be a positive integer");
    } else if (arg === "-h" || arg === "--help") {
      process.stdout.write("usage: tsx scripts/generate.ts <file> [--format json|text] [--max-per-topic N]\n");
      process.exit(0);
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else fail(`only one file is accepted (got ${JSON.stringify(file)} and ${JSON.stringify(arg)})`);
  }
  if (file === undefined) fail("no file given; usage: tsx scripts/generate.ts <file> [--format text]");
  return { file, format, max };
}

function asJson(deck: DeckDraft): string {
  const notice = languageNotice(deck);
  return JSON.stringify({
    title: deck.title,
    language: deck.language,
    ...(notice ? { notice } : {}),
    topics: deck.topics.map((t) => ({ path: t.path, title: t.title })),
    cards: deck.cards.map((c) => ({
      id: c.id, kind: c.kind, topic: c.topic, prompt: c.prompt, answer: c.answer,
      ...(c.kind === "choice" ? { options: c.options } : {}), source: c.source,
    })),
  }, null, 2);
}

function asText(deck: DeckDraft): string {
  const notice = languageNotice(deck);
  const lines = [deck.title, "=".repeat(Math.min(deck.title.length, 80)), `Language: ${deck.language}`, ...(notice ? [notice] : [])];
  const groups: { label: string; path: string | null }[] = [
    { label: "Document (summary and key points)", path: null },
    ...deck.topics.map((t) => ({ label: `${t.path}. ${t.title}`, path: t.path })),
  ];
  for (const group of groups) {
    const cards = deck.cards.filter((c) => c.topic === group.path);
    lines.push("", `## ${group.label} (${cards.length} card${cards.length === 1 ? "" : "s"})`);
    for (const card of cards) {
      lines.push(`- [${card.kind}] ${card.prompt}`);
      if (card.options) lines.push(`    options: ${card.options.map((o) => (o === card.answer ? `*${o}*` : o)).join(" | ")}`);
      lines.push(`    answer: ${card.answer}   (quality ${card.quality.toFixed(2)}, id ${card.id})`);
    }
  }
  const choice = deck.cards.filter((c) => c.kind === "choice").length;
  lines.push("", `${deck.cards.length} cards: ${deck.cards.length - choice} cloze, ${choice} choice; ${deck.topics.length} topics.`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { file, format, max } = parseArgs(process.argv.slice(2));
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) fail(`${file} is a directory, not a file`);
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === "ENOENT" ? `file not found: ${file}` : code === "EACCES" ? `permission denied: ${file}` : `cannot read ${file}`);
  }
  try {
    const { text } = await readDocument(bytes, { fileName: file, limits: { textBytes: MAX_DOCUMENT_BYTES } });
    const deck = generateDeck(text, { maxCardsPerTopic: max });
    process.stdout.write(`${format === "text" ? asText(deck) : asJson(deck)}\n`);
    const notice = languageNotice(deck);
    if (notice) process.stderr.write(`generate: ${notice}\n`);
  } catch (error) {
    if (error instanceof DocumentError || error instanceof GeneratorError) fail(`${file}: ${error.message}`);
    fail(`${file}: unexpected error: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
}

void main();
