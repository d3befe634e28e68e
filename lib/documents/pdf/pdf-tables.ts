/** Tables in a PDF: lines whose cells share column edges, joined again where a page break split them. */
import { cellMarkdown, type Block, type Run } from "../blocks";
import type { Layout } from "./pdf-blocks";
import { appendLine, type Hyphenation } from "./pdf-hyphenation";
import type { Line } from "./pdf-lines";

interface TableRegion {
  end: number;
  rows: string[][];
}

/** Lines from `start` whose cells share column edges: a table, or null. */
export function tableAt(lines: Line[], start: number, layout: Layout, hyphenation: Hyphenation): TableRegion | null {
  const first = lines[start];
  if (first.cells.length < 2 || first.mono) return null;
  const columns = first.cells.map((cell) => cell.x0);
  const columnOf = (x: number) => columns.findIndex((edge) => Math.abs(edge - x) <= 4);
  const rows: Run[][][] = [first.cells.map((cell) => cell.runs)];
  let multi = 1;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const previous = lines[i - 1];
    if (line.page !== previous.page || line.left !== previous.left || line.y - previous.y > layout.pitch * 2.5 || line.mono) break;
    const slots = line.cells.map((cell) => columnOf(cell.x0));
    if (slots.some((slot) => slot < 0) || new Set(slots).size !== slots.length) break;
    const row: Run[][] = columns.map(() => []);
    line.cells.forEach((cell, k) => (row[slots[k]] = [...cell.runs]));
    // A line filling only some columns, tight under the row above, continues that row's cells.
    if (line.cells.length < columns.length && line.y - previous.y <= layout.pitch * 1.3 && rows.length > 1) {
      const above = rows[rows.length - 1];
      row.forEach((runs, k) => runs.length && appendLine(above[k], runs, hyphenation));
      continue;
    }
    if (line.cells.length < 2) break;
    rows.push(row);
    multi++;
  }
  return multi >= 2 ? { end: i, rows: rows.map((row) => row.map(cellMarkdown)) } : null;
}

/** A table broken by a page break is one table; the header row a word processor repeats is dropped. */
export function joinSplitTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (block.kind === "table" && previous?.kind === "table" && previous.rows[0].length === block.rows[0].length) {
      const repeated = block.rows[0].join("|") === previous.rows[0].join("|");
      out[out.length - 1] = { kind: "table", rows: [...previous.rows, ...(repeated ? block.rows.slice(1) : block.rows)] };
    } else out.push(block);
  }
  return out;
}
