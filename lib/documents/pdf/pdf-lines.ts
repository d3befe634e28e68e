/**
 * Pieces of text → lines in reading order. Pieces on one baseline make a line; a wide gap splits
 * a line into cells (table columns, tab stops, or two page columns); a page laid out in two
 * columns is read left column first, lines spanning both (a title) keep their place.
 */
import { tidyRuns, type Run } from "../blocks";
import type { PageText, TextPiece } from "./pdf-text";

export interface Cell {
  x0: number;
  x1: number;
  runs: Run[];
}

export interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  bold: boolean;
  italic: boolean;
  mono: boolean;
  runs: Run[];
  cells: Cell[];
  /** Left and right edges of the column the line sits in (the text area on one-column pages). */
  left: number;
  right: number;
}

/** A gap this many font sizes wide separates cells; a smaller one is a space between words. */
const CELL_GAP = 1.0;
const SPACE_GAP = 0.15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

/**
 * Clusters pieces sharing a baseline. Full-size pieces found the lines; smaller ones (superscripts,
 * subscripts) then join the line they sit on, even half a line above or below its baseline.
 */
function baselines(pieces: TextPiece[]): TextPiece[][] {
  const bySize = [...pieces].sort((a, b) => b.size - a.size || a.y - b.y);
  const clusters: { y: number; size: number; pieces: TextPiece[] }[] = [];
  for (const piece of bySize) {
    const near = clusters.find((c) => Math.abs(c.y - piece.y) <= (piece.size < c.size * 0.8 ? 0.6 * c.size : 0.35 * c.size));
    if (near) near.pieces.push(piece);
    else clusters.push({ y: piece.y, size: piece.size, pieces: [piece] });
  }
  return clusters.sort((a, b) => a.y - b.y).map((c) => c.pieces.sort((a, b) => a.x - b.x));
}

/** A footnote marker: a small raised number or symbol. */
function isMarker(piece: TextPiece, size: number, baseline: number): boolean {
  return piece.size < size * 0.8 && piece.y < baseline - size * 0.2 && /^[\d*†‡§,\s]{1,6}$/.test(piece.text);
}

/** A list marker set apart from its text by a tab: "•", "–", "3.", "b)". */
const MARKER = /^\s*(?:[•◦▪▫●○■□‣⁃∙·➢➤►▸✓✔❖\-–—*]|[\uF000-\uF0FF]|\d{1,3}[.)]|[a-z]\))\s*$/u;

function segments(pieces: TextPiece[]): TextPiece[][] {
  const out: TextPiece[][] = [];
  let end = -Infinity;
  for (const piece of pieces) {
    const gap = piece.x - end;
    const afterMarker = out.length === 1 && MARKER.test(out[0].map((p) => p.text).join(""));
    if (out.length === 0 || (gap > CELL_GAP * piece.size && !afterMarker)) out.push([piece]);
    else out[out.length - 1].push(piece);
    end = Math.max(end, piece.x + piece.width);
  }
  return out;
}

function runsOf(pieces: TextPiece[]): Run[] {
  const runs: Run[] = [];
  let end: number | null = null;
  for (const piece of pieces) {
    const gap = end === null ? 0 : piece.x - end;
    const text = end !== null && gap > SPACE_GAP * piece.size ? ` ${piece.text}` : piece.text;
    runs.push({ text, bold: piece.bold, italic: piece.italic, code: piece.mono });
    end = piece.x + piece.width;
  }
  return tidyRuns(runs);
}

function makeLine(page: number, pieces: TextPiece[], left: number, right: number): Line {
  const size = median(pieces.flatMap((p) => Array(Math.max(1, p.text.length)).fill(p.size)));
  const letters = pieces.filter((p) => /\p{L}|\p{N}/u.test(p.text));
  const styled = letters.length ? letters : pieces;
  const all = (key: "bold" | "italic" | "mono") => styled.every((p) => p[key]);
  const y = median(pieces.filter((p) => p.size >= size * 0.9).map((p) => p.y));
  // A raised number after a number is an exponent (2⁷ → 2^7); after a word, a footnote marker.
  const kept = pieces.flatMap((p, i) => {
    if (!isMarker(p, size, y)) return [p];
    return /[\d)]$/.test(pieces[i - 1]?.text ?? "") ? [{ ...p, text: `^${p.text.trim()}`, x: pieces[i - 1].x + pieces[i - 1].width }] : [];
  });
  return {
    page,
    y,
    x0: Math.min(...kept.map((p) => p.x)),
    x1: Math.max(...kept.map((p) => p.x + p.width)),
    size,
    bold: all("bold"),
    italic: all("italic"),
    mono: all("mono"),
    runs: runsOf(kept),
    cells: segments(kept).map((cell) => ({ x0: cell[0].x, x1: Math.max(...cell.map((p) => p.x + p.width)), runs: runsOf(cell) })),
    left,
    right,
  };
}

/** Whether a page's lines form two columns, and where the gutter is. */
function gutter(rows: TextPiece[][][], left: number, right: number): number | null {
  const mid = (left + right) / 2;
  const edges = (cell: TextPiece[]) => [cell[0].x, Math.max(...cell.map((p) => p.x + p.width))];
  let leftOnly = 0;
  let spanning = 0;
  const rightStarts: number[] = [];
  const rightWidths: number[] = [];
  for (const row of rows) {
    for (const cell of row) {
      const [x0, x1] = edges(cell);
      if (x1 <= mid) leftOnly++;
      else if (x0 >= mid) {
        rightStarts.push(Math.round(x0));
        rightWidths.push(x1 - x0);
      } else spanning++;
    }
  }
  if (leftOnly < 3 || rightStarts.length < 3 || spanning > rows.length * 0.3) return null;
  if (median(rightWidths) < (right - left) * 0.25) return null;
  const start = median(rightStarts);
  const aligned = rightStarts.filter((x) => Math.abs(x - start) <= 3).length;
  return aligned >= rightStarts.length * 0.5 ? mid : null;
}

export function pageLines(page: PageText, number: number): Line[] {
  if (page.pieces.length === 0) return [];
  const rows = baselines(page.pieces).map(segments);
  const left = Math.min(...page.pieces.map((p) => p.x));
  const right = Math.max(...page.pieces.map((p) => p.x + p.width));
  const mid = gutter(rows, left, right);
  if (mid === null) return rows.map((row) => makeLine(number, row.flat(), left, right));

  const lines: Line[] = [];
  let leftColumn: Line[] = [];
  let rightColumn: Line[] = [];
  const flush = () => {
    const rightEdge = Math.max(...leftColumn.map((line) => line.x1));
    const leftEdge = Math.min(...rightColumn.map((line) => line.x0));
    for (const line of leftColumn) line.right = rightEdge;
    for (const line of rightColumn) line.left = leftEdge;
    lines.push(...leftColumn, ...rightColumn);
    leftColumn = [];
    rightColumn = [];
  };
  for (const row of rows) {
    const spans = row.some((cell) => cell[0].x < mid && Math.max(...cell.map((p) => p.x + p.width)) > mid);
    if (spans) {
      flush();
      lines.push(makeLine(number, row.flat(), left, right));
      continue;
    }
    const l = row.filter((cell) => cell[0].x < mid).flat();
    const r = row.filter((cell) => cell[0].x >= mid).flat();
    if (l.length) leftColumn.push(makeLine(number, l, left, mid));
    if (r.length) rightColumn.push(makeLine(number, r, mid, right));
  }
  flush();
  return lines;
}
