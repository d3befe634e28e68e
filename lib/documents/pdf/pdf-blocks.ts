/**
 * Lines of a PDF in reading order → blocks. The layout says what the text was: a size above the
 * body's (or a short bold line) is a heading, ranked by size then weight; a bullet or number
 * opens a list item, nested by its indent; lines in the same paragraph are joined (across line,
 * column and page breaks) with hyphenation undone; monospaced lines are code; lines whose cells
 * line up are a table.
 */
import { plainText, tidyRuns, type Block, type Run } from "../blocks";
import { paragraphOrDefinition } from "../definitions";
import { appendLine, Hyphenation } from "./pdf-hyphenation";
import type { Line } from "./pdf-lines";
import { joinSplitTables, tableAt } from "./pdf-tables";

const BULLET = /^\s*(?:[•◦▪▫●○■□‣⁃∙·➢➤►▸✓✔❖]|[\uF000-\uF0FF]|[-–—*](?=\s))\s*/u;
const ORDERED = /^\s*(?:\d{1,3}[.)]|[a-z]\))\s+/;
const SENTENCE_END = /[.!?:;"”)\]]$/;

export interface Layout {
  body: number;
  pitch: number;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function layoutOf(lines: Line[]): Layout {
  const body = mode(lines.flatMap((line) => Array(Math.ceil(plainText(line.runs).length / 10)).fill(Math.round(line.size * 2) / 2)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    const gap = b.y - a.y;
    if (a.page === b.page && a.left === b.left && Math.abs(a.size - body) < 0.6 && Math.abs(b.size - body) < 0.6 && gap > 0 && gap < body * 3) {
      gaps.push(Math.round(gap * 2) / 2);
    }
  }
  return { body, pitch: gaps.length ? mode(gaps) : body * 1.2 };
}

const text = (line: Line) => plainText(line.runs);
const words = (value: string) => value.split(/\s+/).filter(Boolean).length;

/** A style key that sorts by prominence: bigger first, then bold, then upright. */
function styleKey(size: number, bold: boolean, italic: boolean): string {
  return `${(Math.round(size * 2) / 2).toFixed(1).padStart(6, "0")}|${bold ? 1 : 0}|${italic ? 0 : 1}`;
}

/** A line set larger than the body: a heading unless it reads like a sentence or a list. */
function largeHeading(line: Line, { body }: Layout): boolean {
  const value = text(line);
  return line.size >= body * 1.12 && !line.mono && !BULLET.test(value) && words(value) <= 20 && /\p{L}/u.test(value);
}

/**
 * The list marker a line opens with. A short bold numbered line ("4.1. Team and Infrastructure")
 * is a numbered section heading, not a list item.
 */
function listMarker(line: Line, layout: Layout): "bullet" | "number" | null {
  const value = text(line);
  if (line.mono || largeHeading(line, layout)) return null;
  if (BULLET.test(value)) return "bullet";
  if (!ORDERED.test(value)) return null;
  return (line.bold || line.italic) && bodyHeadingKey(line.runs, line.size) ? null : "number";
}

/** A paragraph at body size that is all bold or all italic, short and without closing punctuation, is a heading. */
function bodyHeadingKey(runs: Run[], size: number): string | null {
  const value = plainText(runs);
  const lettered = runs.filter((run) => /\p{L}/u.test(run.text));
  if (lettered.length === 0 || words(value) > 20 || /[.,;:!?]$/.test(value) || lettered.every((run) => run.code)) return null;
  const bold = lettered.every((run) => run.bold);
  const italic = lettered.every((run) => run.italic);
  return bold || italic ? styleKey(size, bold, italic) : null;
}

/** The line's runs without the list marker, which may span runs ("–" then " Service" in bold). */
function runsWithoutMarker(line: Line, marker: RegExp): Run[] {
  let left = marker.exec(line.runs.map((run) => run.text).join(""))?.[0].length ?? 0;
  const runs = line.runs.map((run) => {
    const cut = Math.min(left, run.text.length);
    left -= cut;
    return { ...run, text: run.text.slice(cut) };
  });
  return tidyRuns(runs);
}

interface Open {
  block: Block;
  line: Line;
  /** Where the list marker (or the block's first line) starts. */
  markerX: number;
}

export function pdfBlocks(lines: Line[]): Block[] {
  const layout = layoutOf(lines);
  const hyphenation = new Hyphenation(lines);
  const bulletEdges: number[] = [];
  const depthOf = (x: number, left: number) => {
    const indent = Math.max(0, x - left);
    let index = bulletEdges.findIndex((edge) => Math.abs(edge - indent) <= 6);
    if (index < 0) {
      bulletEdges.push(indent);
      bulletEdges.sort((a, b) => a - b);
      index = bulletEdges.indexOf(indent);
    }
    return index;
  };
  for (const line of lines) if (listMarker(line, layout)) depthOf(line.x0, line.left);

  const blocks: Block[] = [];
  /** Heading blocks and their style keys; levels are given once all styles are known. */
  const headings = new Map<Block, string>();
  const sizes = new Map<Block, number>();
  let open: Open | null = null;
  let code: Line[] = [];
  const flushCode = () => {
    if (code.length === 0) return;
    const minX = Math.min(...code.map((line) => line.x0));
    const out: string[] = [];
    code.forEach((line, k) => {
      const previous = code[k - 1];
      const value = line.runs.map((run) => run.text).join("");
      // A line too long for the page wraps: the next starts at the margin with a word that did not fit.
      const charWidth = line.size * 0.6;
      const firstWord = (/^\S+/.exec(value)?.[0].length ?? 0) * charWidth;
      if (previous && line.x0 - minX < charWidth && previous.x1 + charWidth + firstWord > previous.right) {
        out[out.length - 1] += /[-/_.?&=(]$/.test(out[out.length - 1]) ? value : ` ${value}`;
        return;
      }
      const gap = k === 0 || line.page !== previous.page ? 0 : line.y - previous.y;
      for (let blank = Math.round(gap / layout.pitch) - 1; blank > 0 && blank < 4; blank--) out.push("");
      out.push(" ".repeat(Math.max(0, Math.round((line.x0 - minX) / (line.size * 0.6)))) + value);
    });
    blocks.push({ kind: "code", text: out.join("\n") });
    code = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previous = i > 0 ? lines[i - 1] : null;
    const value = text(line);
    const newColumn = !previous || previous.page !== line.page || previous.left !== line.left || line.y < previous.y;
    const gap = newColumn ? Infinity : line.y - previous.y;
    // Monospaced lines are code, unless one carries on a sentence with inline code ("…composed of `Page`.").
    const carriesOn = !code.length && !!open && (open.block.kind === "paragraph" || open.block.kind === "item") && continues(open, line, gap, layout);
    if (line.mono && !carriesOn) {
      open = null;
      code.push(line);
      continue;
    }
    flushCode();
    const table = tableAt(lines, i, layout, hyphenation);
    if (table) {
      open = null;
      blocks.push({ kind: "table", rows: table.rows });
      i = table.end - 1;
      continue;
    }
    if (largeHeading(line, layout)) {
      const key = styleKey(line.size, line.bold, line.italic);
      if (open && headings.get(open.block) === key && gap <= line.size * 1.7) appendLine((open.block as { runs: Run[] }).runs, line.runs, hyphenation);
      else {
        open = { block: { kind: "heading", level: 0, runs: [...line.runs] }, line, markerX: line.x0 };
        headings.set(open.block, key);
        blocks.push(open.block);
      }
      open.line = line;
      continue;
    }
    const marker = listMarker(line, layout);
    const bullet = marker === "bullet" ? BULLET.exec(value) : null;
    const ordered = marker === "number" ? ORDERED.exec(value) : null;
    if (bullet || ordered) {
      const block: Block = { kind: "item", depth: depthOf(line.x0, line.left), ordered: !!ordered, runs: runsWithoutMarker(line, bullet ? BULLET : ORDERED) };
      open = { block, line, markerX: line.x0 };
      blocks.push(block);
      continue;
    }
    if (open && (open.block.kind === "paragraph" || open.block.kind === "item") && continues(open, line, gap, layout)) {
      appendLine(open.block.runs, line.runs, hyphenation);
      open.line = line;
      continue;
    }
    open = { block: { kind: "paragraph", runs: [...line.runs] }, line, markerX: line.x0 };
    sizes.set(open.block, line.size);
    blocks.push(open.block);
  }
  flushCode();

  const finished = blocks.map((block): Block => {
    if (block.kind === "item") return { ...block, runs: tidyRuns(block.runs) };
    if (block.kind !== "paragraph") return block;
    const runs = tidyRuns(block.runs);
    const size = sizes.get(block) ?? layout.body;
    const key = Math.abs(size - layout.body) < layout.body * 0.12 ? bodyHeadingKey(runs, size) : null;
    if (!key) return paragraphOrDefinition(runs);
    const heading: Block = { kind: "heading", level: 0, runs };
    headings.set(heading, key);
    return heading;
  });
  const ranked = [...new Set(headings.values())].sort().reverse();
  return joinSplitTables(finished).map((block) => (headings.has(block) ? { ...block, level: ranked.indexOf(headings.get(block)!) + 1 } as Block : block));
}

/** Whether a line goes on with the open paragraph or list item rather than starting a paragraph. */
function continues(open: { block: Block; line: Line; markerX: number }, line: Line, gap: number, layout: Layout): boolean {
  const last = open.line;
  const lastText = text(last);
  if (Math.abs(line.size - last.size) > 1) return false;
  // A bold line (a heading at body size) is not continued by plain text, unless it ends in a colon ("Term:").
  if (last.bold && !line.bold && !/:$/.test(lastText)) return false;
  // Across a page or column break, a paragraph goes on while its sentence does.
  if (gap === Infinity) return !SENTENCE_END.test(lastText);
  if (gap > layout.pitch * 1.3 + 0.5) return false;
  if (open.block.kind === "item") return line.x0 > open.markerX + 2;
  // A first-line indent, or a short line ending a sentence above, starts a new paragraph.
  if (line.x0 > last.left + line.size * 0.8 && Math.abs(last.x0 - last.left) < 2) return false;
  const width = last.right - last.left;
  return !(SENTENCE_END.test(lastText) && last.x1 - last.left < width * 0.7);
}
