/**
 * The structured document every reader produces, and its one spelling as canonical Markdown:
 * ATX headings (one `#` = the title), paragraphs, `- ` / `1. ` items nested by two spaces,
 * `**bold**`, `*emphasis*`, `` `code` ``, `**Term**: definition` (a definition list's entries as
 * "Term\n: definition"), GFM tables, fenced code.
 */

/** A stretch of text with one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

export type Block =
  | { kind: "heading"; level: number; runs: Run[] }
  | { kind: "paragraph"; runs: Run[] }
  | { kind: "item"; depth: number; ordered: boolean; runs: Run[] }
  /** `list`: an entry of a definition list or glossary, written "Term\n: definition". */
  | { kind: "definition"; term: string; runs: Run[]; list?: boolean }
  | { kind: "table"; rows: string[][] }
  | { kind: "code"; text: string };

type Style = "bold" | "italic" | "code";

/** Runs with the same style merged, whitespace collapsed, empty runs dropped. */
export function tidyRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const text = run.code ? run.text.replace(/\s+/g, " ") : run.text.replace(/[\s\u00a0]+/g, " ");
    if (text === "") continue;
    const last = out[out.length - 1];
    const same = last && !!last.bold === !!run.bold && !!last.italic === !!run.italic && !!last.code === !!run.code;
    if (same) last.text += text;
    else if (last && text.trim() === "" && !run.code) last.text += " ";
    else out.push({ text, ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italic: true } : {}), ...(run.code ? { code: true } : {}) });
  }
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((run) => run.text !== "");
}

export function plainText(runs: Run[]): string {
  return runs.map((run) => run.text).join("").replace(/\s+/g, " ").trim();
}

function wrap(text: string, styles: Style[]): string {
  const lead = /^\s*/.exec(text)![0];
  const tail = /\s*$/.exec(text)![0];
  let core = text.trim();
  if (core === "") return text;
  if (styles.includes("code")) {
    const ticks = core.includes("`") ? "``" : "`";
    core = ticks === "``" ? `\`\` ${core} \`\`` : `\`${core}\``;
  }
  if (styles.includes("italic")) core = `*${core}*`;
  if (styles.includes("bold")) core = `**${core}**`;
  return lead + core + tail;
}

/** Inline Markdown for runs, spaces kept outside the markers so `**bold **` never appears. */
export function inlineMarkdown(runs: Run[]): string {
  return tidyRuns(runs)
    .map((run) => wrap(run.text, [...(run.bold ? ["bold" as const] : []), ...(run.italic ? ["italic" as const] : []), ...(run.code ? ["code" as const] : [])]))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** A table cell's inline Markdown; a cell bold throughout (a header row) is written plain. */
export function cellMarkdown(runs: Run[]): string {
  const tidy = tidyRuns(runs);
  return inlineMarkdown(tidy.every((run) => run.bold) ? tidy.map((run) => ({ ...run, bold: false })) : tidy);
}

function tableCell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

function tableMarkdown(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => tableCell(row[i] ?? "")).join(" | ")} |`;
  return [line(rows[0]), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
}

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((ticks) => ticks.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}\n${text.replace(/\s+$/, "")}\n${ticks}`;
}

function blockMarkdown(block: Block, number: number): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${plainText(block.runs)}`;
    case "paragraph":
      return inlineMarkdown(block.runs);
    case "item":
      return `${"  ".repeat(block.depth)}${block.ordered ? `${number}.` : "-"} ${inlineMarkdown(block.runs)}`;
    case "definition": {
      const definition = inlineMarkdown(block.runs);
      if (block.list) return definition ? `${block.term}\n: ${definition}` : block.term;
      return definition ? `**${block.term}**: ${definition}` : `**${block.term}**`;
    }
    case "table":
      return tableMarkdown(block.rows);
    case "code":
      return fence(block.text);
  }
}

function isEmpty(block: Block): boolean {
  switch (block.kind) {
    case "table":
      return block.rows.length === 0 || block.rows.every((row) => row.every((cell) => cell.trim() === ""));
    case "code":
      return block.text.trim() === "";
    case "definition":
      return block.term.trim() === "";
    default:
      return plainText(block.runs) === "";
  }
}

/**
 * Canonical Markdown for blocks. Headings are renumbered so the title is the only `#` and
 * section levels follow without gaps; `title` is used when the document has no heading of its own.
 */
export function toMarkdown(input: Block[], fallbackTitle: string): string {
  const blocks = normaliseHeadings(input.filter((block) => !isEmpty(block)), fallbackTitle);
  const parts: string[] = [];
  const counters: number[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    let number = 0;
    if (block.kind === "item") {
      counters.length = block.depth + 1;
      counters[block.depth] = previous?.kind === "item" && previous.depth >= block.depth ? (counters[block.depth] ?? 0) + 1 : 1;
      number = counters[block.depth];
    } else counters.length = 0;
    const separator = previous === null ? "" : block.kind === "item" && previous.kind === "item" ? "\n" : "\n\n";
    parts.push(separator, blockMarkdown(block, number));
    previous = block;
  }
  return `${parts.join("")}\n`;
}

/** The title first as the only `#`, then the other heading levels mapped to 2, 3, … in order of rank. */
function normaliseHeadings(blocks: Block[], fallbackTitle: string): Block[] {
  const headings = blocks.filter((block) => block.kind === "heading");
  const top = Math.min(...headings.map((h) => h.level));
  const first = blocks[0];
  const ownTitle = first?.kind === "heading" && first.level === top && headings.filter((h) => h.level === top).length === 1;
  const rest = ownTitle ? blocks.slice(1) : blocks;
  const title: Block = ownTitle ? { ...first, level: 1 } : { kind: "heading", level: 1, runs: [{ text: fallbackTitle }] };
  const levels = [...new Set(rest.flatMap((block) => (block.kind === "heading" ? [block.level] : [])))].sort((a, b) => a - b);
  const renumbered = rest.map((block) => (block.kind === "heading" ? { ...block, level: Math.min(6, 2 + levels.indexOf(block.level)) } : block));
  return [title, ...renumbered];
}
