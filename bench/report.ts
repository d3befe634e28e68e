/** The rows the harness prints: a table for people, JSON lines (`--json`) for tools. */
export type DbKind = "sqlite" | "postgres" | "-";

export interface Row {
  figure: string;
  db: DbKind;
  size: string;
  unit: string;
  median: number | null;
  p99: number | null;
  target: string | null;
  /** This figure divided by the anchor measured in the same run (figure 1), else null. */
  anchorRatio: number | null;
  /** Whether the target is met; null when there is no target or nothing was measured. */
  met: boolean | null;
  /** Why a row has no numbers, or what a reader should know about it. */
  note?: string;
}

export function row(fields: Partial<Row> & Pick<Row, "figure" | "db" | "size" | "unit">): Row {
  return { median: null, p99: null, target: null, anchorRatio: null, met: null, ...fields };
}

/** A figure that could not be measured in this run, with the reason instead of a number. */
export function unavailable(figure: string, db: DbKind, note: string, target: string | null = null): Row {
  return row({ figure, db, size: "-", unit: "-", target, note });
}

function fmt(value: number | null): string {
  if (value === null) return "-";
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function jsonLine(r: Row): string {
  const { figure, db, size, unit, median, p99, target, anchorRatio, met } = r;
  return JSON.stringify({ figure, db, size, unit, median, p99, target, anchorRatio, met, ...(r.note ? { note: r.note } : {}) });
}

export function table(rows: Row[]): string {
  const header = ["figure", "db", "size", "median", "p99", "unit", "target", "vs anchor", "met"];
  const cells = rows.map((r) => [
    r.figure,
    r.db,
    r.size,
    fmt(r.median),
    fmt(r.p99),
    r.unit,
    r.target ?? "-",
    r.anchorRatio === null ? "-" : `${(r.anchorRatio * 100).toFixed(0)}%`,
    r.met === null ? (r.note ? r.note : "-") : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (i === 8 ? 3 : c[i].length))));
  const line = (c: string[]) => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
