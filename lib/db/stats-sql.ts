/**
 * SQL fragments for the statistics, one spelling per database. SQLite stores a
 * DateTime as integer milliseconds since the epoch; PostgreSQL as timestamp(3)
 * (UTC). Every number spliced in as a literal is computed by Keypoint itself and
 * checked to be finite; user input (ids) always goes in as a bound parameter.
 */
import type { DatabaseKind } from "../config/database-url";
import { DAY_MS, HOUR_MS, type DayRule } from "../stats/study-days";
import { Prisma } from "./generated/sqlite/client";

export type Sql = Prisma.Sql;

/** A number computed by Keypoint, written into the SQL text. */
export function literal(value: number): Sql {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number for SQL: ${value}`);
  return Prisma.raw(String(value));
}

/**
 * Milliseconds since the epoch of a DateTime column (`column` is a trusted
 * identifier such as `r."reviewedAt"`). On PostgreSQL date_part gives a double
 * (EXTRACT gives numeric, several times slower over a million rows); rounding
 * makes it the exact integer the column holds.
 */
export function epochMs(kind: DatabaseKind, column: string): Sql {
  return kind === "sqlite" ? Prisma.raw(column) : Prisma.raw(`ROUND(date_part('epoch', ${column}) * 1000)`);
}

/** `column >= instant`, usable by an index on the column. */
export function atOrAfter(kind: DatabaseKind, column: string, instantMs: number): Sql {
  if (kind === "sqlite") return Prisma.sql`${Prisma.raw(column)} >= ${literal(instantMs)}`;
  return Prisma.sql`${Prisma.raw(column)} >= (to_timestamp(${literal(instantMs / 1000)}) AT TIME ZONE 'UTC')`;
}

/** `column < instant`, usable by an index on the column. */
export function before(kind: DatabaseKind, column: string, instantMs: number): Sql {
  if (kind === "sqlite") return Prisma.sql`${Prisma.raw(column)} < ${literal(instantMs)}`;
  return Prisma.sql`${Prisma.raw(column)} < (to_timestamp(${literal(instantMs / 1000)}) AT TIME ZONE 'UTC')`;
}

/** The zone's UTC offset (ms) at the instant `ms`: a constant, or a CASE over the DST periods. */
function offsetCase(ms: Sql, rule: DayRule): Sql {
  const [first, ...rest] = rule.periods;
  if (rest.length === 0) return literal(first.offsetMs);
  const branches: Sql[] = [];
  let current = first.offsetMs;
  for (const period of rest) {
    branches.push(Prisma.sql`WHEN ${ms} < ${literal(period.fromMs)} THEN ${literal(current)}`);
    current = period.offsetMs;
  }
  return Prisma.sql`(CASE ${Prisma.join(branches, " ")} ELSE ${literal(current)} END)`;
}

/** The study day number of a DateTime column (lib/stats/study-days.ts `dayOf`). */
export function studyDay(kind: DatabaseKind, column: string, rule: DayRule): Sql {
  const ms = epochMs(kind, column);
  const shifted = Prisma.sql`${ms} + ${offsetCase(ms, rule)} - ${literal(rule.dayStartHour * HOUR_MS)}`;
  if (kind === "sqlite") return Prisma.sql`((${shifted}) / ${literal(DAY_MS)})`;
  return Prisma.sql`(FLOOR((${shifted}) / ${literal(DAY_MS)})::int)`;
}

/** The local hour of day (0-23) of a DateTime column (lib/stats/study-days.ts `localHourOf`). */
export function localHour(kind: DatabaseKind, column: string, rule: DayRule): Sql {
  const ms = epochMs(kind, column);
  const local = Prisma.sql`${ms} + ${offsetCase(ms, rule)}`;
  if (kind === "sqlite") return Prisma.sql`(((${local}) / ${literal(HOUR_MS)}) % 24)`;
  return Prisma.sql`((FLOOR((${local}) / ${literal(HOUR_MS)})::bigint % 24)::int)`;
}

/** The bin index of a value for upper bounds `bounds` (lib/stats/distributions.ts `binOf`). */
export function binCase(value: Sql, bounds: readonly number[]): Sql {
  const branches = bounds.map((bound, i) => Prisma.sql`WHEN ${value} < ${literal(bound)} THEN ${literal(i)}`);
  return Prisma.sql`(CASE ${Prisma.join(branches, " ")} ELSE ${literal(bounds.length)} END)`;
}

/**
 * Current probability of recall of a CardState row `s` at `nowMs` under the
 * FSRS forgetting curve R = (1 + factor * t / S) ^ decay (t in days).
 */
export function currentRecall(kind: DatabaseKind, nowMs: number, curve: { decay: number; factor: number }): Sql {
  const last = epochMs(kind, `s."lastReview"`);
  const greatest = kind === "sqlite" ? Prisma.raw("MAX") : Prisma.raw("GREATEST");
  const elapsedDays = Prisma.sql`(${greatest}(0, ${literal(nowMs)} - ${last}) * 1.0 / ${literal(DAY_MS)})`;
  const base = Prisma.sql`(1 + ${literal(curve.factor)} * ${elapsedDays} / s."stability")`;
  if (kind === "sqlite") return Prisma.sql`power(${base}, ${literal(curve.decay)})`;
  return Prisma.sql`power((${base})::float8, (${literal(curve.decay)})::float8)`;
}

/** A count, sum or average as the drivers return it (bigint, Decimal, string or number) as a number. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "object" && "toNumber" in value && typeof value.toNumber === "function") return value.toNumber();
  return Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}
