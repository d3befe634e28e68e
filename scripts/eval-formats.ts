/**
 * Local evaluation, not part of `npm test`: makes a Word document and a PDF of each Markdown or
 * text file as a word processor would (pandoc writes the .docx with Word's styles, LibreOffice
 * prints it to PDF), then compares the cards `generate` makes from the original and from each copy.
 *
 *   apt-get install -y pandoc libreoffice-writer-nogui   # once, for this script only
 *   npx tsx scripts/eval-formats.ts [--out /work/eval/formats] [files…]
 *
 * Defaults: /work/shared/corpus/*.md and /work/shared/seed/*.txt. Writes <name>.docx, <name>.pdf
 * and overlap.md into the output folder and prints the overlap per document.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface Card {
  id: string;
  prompt: string;
  answer: string;
}

const root = path.join(import.meta.dirname, "..");

function args(): { out: string; files: string[] } {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--out");
  const out = at >= 0 ? argv.splice(at, 2)[1] : "/work/eval/formats";
  const inFolder = (folder: string, ext: string) =>
    readdirSync(folder).filter((name) => name.endsWith(ext) && name !== "SOURCES.md").map((name) => path.join(folder, name));
  const files = argv.length ? argv : [...inFolder("/work/shared/corpus", ".md"), ...inFolder("/work/shared/seed", ".txt")];
  return { out, files };
}

/**
 * What the author would have typed into a word processor: images dropped (pandoc would fetch them),
 * and a text file's layout made explicit: its first line the title, numbered lines ("3. Title",
 * "4.1. Title") section headings, "- " lines bullets, every other line a paragraph.
 */
function wordProcessorMarkdown(file: string): string {
  const source = readFileSync(file, "utf8");
  if (file.endsWith(".md")) return source.replace(/!\[[^\]]*\]\([^)]*\)/g, "");
  const lines = source.split(/\r?\n/).filter((line) => line.trim() !== "");
  return lines
    .map((line, i) => {
      if (i === 0) return `# ${line}`;
      const numbered = /^(\d+)(\.\d+)?\.\s+(.*)$/.exec(line);
      if (numbered && !/[.!?]$/.test(line)) return `${numbered[2] ? "###" : "##"} ${line}`;
      return /^[-*•]\s/.test(line) ? line : `\n${line}\n`;
    })
    .join("\n");
}

function generate(file: string): Card[] {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/generate.ts"), file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`generate ${file}: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout).cards;
}

function overlap(original: Card[], copy: Card[]): string {
  const key = (card: Card) => `${card.prompt}\u0000${card.answer}`;
  const keys = new Set(copy.map(key));
  const same = original.filter((card) => keys.has(key(card))).length;
  const union = new Set([...original.map(key), ...copy.map(key)]).size;
  return `${copy.length} cards, ${same} identical (${union ? Math.round((100 * same) / union) : 100}% of all distinct)`;
}

function main(): void {
  const { out, files } = args();
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "keypoint-formats-"));
  const report = ["| document | original | .docx vs original | .pdf vs original | .pdf vs .docx |", "| --- | --- | --- | --- | --- |"];
  for (const file of files) {
    const name = path.basename(file).replace(/\.(md|txt)$/, "");
    const markdown = path.join(work, `${name}.md`);
    writeFileSync(markdown, wordProcessorMarkdown(file));
    const docx = path.join(out, `${name}.docx`);
    execFileSync("pandoc", ["-f", "gfm", "-t", "docx", "-o", docx, markdown]);
    execFileSync("soffice", [`-env:UserInstallation=file://${work}/lo`, "--headless", "--convert-to", "pdf", "--outdir", out, docx], { stdio: "ignore" });
    const original = generate(file);
    const fromDocx = generate(docx);
    const fromPdf = generate(path.join(out, `${name}.pdf`));
    const line = `| ${name} | ${original.length} cards | ${overlap(original, fromDocx)} | ${overlap(original, fromPdf)} | ${overlap(fromDocx, fromPdf)} |`;
    console.log(line);
    report.push(line);
  }
  writeFileSync(path.join(out, "overlap.md"), `${report.join("\n")}\n`);
}

main();
