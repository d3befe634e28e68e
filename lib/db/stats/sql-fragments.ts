/**
 * SQL fragments for the statistics, one spelling per database, for the raw-driver
 * statements of lib/db/runtime/sql.ts. SQLite stores a DateTime as integer milliseconds
 * since the epoch; PostgreSQL as timestamp(3) (UTC). Constants of the figures (bin
 * bounds, a zone's offsets) are written into the text; what changes from request to
 * request (ids, instants, the user's forgetting curve) is bound, so a statement's
 * text stays the same and each connection prepares it once.
 */
import { DAY_MS, HOUR_MS, type DayRule } from "../../stats/study-days";
import { joinSql, rawSql, sql, type Sql, type SqlDialect } from "../runtime/sql";


/** A number computed by Keypoint, written into the SQL text. */
export function literal(value: number): Sql {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number for SQL: ${value}`);
  return rawSql(String(value));
}

/**
 * Milliseconds since the epoch of a DateTime column (`column` is a trusted
 * identifier such as `r."reviewedAt"`). On PostgreSQL date_part gives a double
 * (EXTRACT gives numeric, several times slower over a million rows); rounding
 * makes it the exact integer the column holds.
 */
export function epochMs(dialect: SqlDialect, column: string): Sql {
  return rawSql(dialect === "sqlite" ? column : `ROUND(date_part('epoch', ${column}) * 1000)`);
}

/** `column >= instant`, usable by an index on the column. */
export function atOrAfter(column: string, instantMs: number): Sql {
  return sql`${rawSql(column)} >= ${new Date(instantMs)}`;
}

/** `column < instant`, usable by an index on the column. */
export function before(column: string, instantMs: number): Sql {
  return sql`${rawSql(column)} < ${new Date(instantMs)}`;
}

/**
 * The zone's UTC offset (ms) at the instant a DateTime column holds: a constant, or
 * a CASE over the DST periods that compares the column itself (no conversion per branch).
 */
function offsetCase(column: string, rule: DayRule): Sql {
  const [first, ...rest] = rule.periods;
  if (rest.length === 0) return literal(first.offsetMs);
  const branches: Sql[] = [];
  let current = first.offsetMs;
  for (const period of rest) {
    branches.push(sql`WHEN ${before(column, period.fromMs)} THEN ${literal(current)}`);
    current = period.offsetMs;
  }
  return sql`(CASE ${joinSql(branches, " ")} ELSE ${literal(current)} END)`;
}

/** The study day number of a DateTime column (lib/stats/study-days.ts `dayOf`). */
export function studyDay(dialect: SqlDialect, column: string, rule: DayRule): Sql {
  const shifted = sql`${epochMs(dialect, column)} + ${offsetCase(column, rule)} - ${literal(rule.dayStartHour * HOUR_MS)}`;
  if (dialect === "sqlite") return sql`((${shifted}) / ${literal(DAY_MS)})`;
  return sql`(FLOOR((${shifted}) / ${literal(DAY_MS)})::int)`;
}

/** The local hour of day (0-23) of a DateTime column (lib/stats/study-days.ts `localHourOf`). */
export function localHour(dialect: SqlDialect, column: string, rule: DayRule): Sql {
  const local = sql`${epochMs(dialect, column)} + ${offsetCase(column, rule)}`;
  if (dialect === "sqlite") return sql`(((${local}) / ${literal(HOUR_MS)}) % 24)`;
  return sql`((FLOOR((${local}) / ${literal(HOUR_MS)})::bigint % 24)::int)`;
}

/**
 * The bin index of a value for upper bounds `bounds` (lib/stats/distributions.ts
 * `binOf`), as a balanced tree of comparisons: about log2 of the bin count per row
 * rather than up to one per bin. A NULL lands in the last bin, as with `binOf`'s NaN.
 */
export function binCase(value: Sql, bounds: readonly number[]): Sql {
  const bins = (lo: number, hi: number): Sql => {
    if (lo === hi) return literal(lo);
    const mid = (lo + hi) >> 1;
    return sql`(CASE WHEN ${value} < ${literal(bounds[mid])} THEN ${bins(lo, mid)} ELSE ${bins(mid + 1, hi)} END)`;
  };
  return bins(0, bounds.length);
}

/**
 * Current probability of recall of a CardState row `s` at `nowMs` under the
 * FSRS forgetting curve R = (1 + factor * t / S) ^ decay (t in days).
 */
export function currentRecall(dialect: SqlDialect, nowMs: number, curve: { decay: number; factor: number }): Sql {
  const last = epochMs(dialect, `s."lastReview"`);
  if (dialect === "sqlite") {
    return sql`power((1 + ${curve.factor} * (MAX(0, ${nowMs} - ${last}) * 1.0 / ${literal(DAY_MS)}) / s."stability"), ${curve.decay})`;
  }
  const elapsedDays = sql`(GREATEST(0, ${nowMs} - ${last}) * 1.0 / ${literal(DAY_MS)})`;
  return sql`power((1 + ${curve.factor} * ${elapsedDays} / s."stability")::float8, (${curve.decay})::float8)`;
}

/**
 * Keeps a subquery from being merged into the query around it, so what it computes
 * once per row (say, a power) is not computed again for each reference outside.
 */
export function subqueryFence(dialect: SqlDialect): Sql {
  return rawSql(dialect === "sqlite" ? "LIMIT -1" : "OFFSET 0");
}

/** A count, sum or average as the drivers return it (number, or pg's string for bigint and numeric) as a number. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
