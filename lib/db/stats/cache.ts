/**
 * Past study days do not change: answers are only ever added at the present
 * moment, and removed only by undo. So the aggregates of the days before today
 * are kept per server process and reused while the stamp of the user's answers
 * before today (pastAnswersStamp: their latest one and latest review answer) is
 * unchanged; only today's answers are aggregated on every request. A
 * million-answer history is then scanned once per day (or after an undo reaching
 * into yesterday), not on every page view.
 */

/** Cached aggregate rows at most, across all entries (about 100 bytes each). */
const MAX_ROWS = 300_000;

type Entry = { stamp: string; rows: unknown[] };
const entries = new Map<string, Entry>();
let cachedRows = 0;

function remember(key: string, entry: Entry) {
  const previous = entries.get(key);
  if (previous) {
    cachedRows -= previous.rows.length;
    entries.delete(key);
  }
  if (entry.rows.length > MAX_ROWS) return;
  entries.set(key, entry);
  cachedRows += entry.rows.length;
  for (const [oldestKey, oldest] of entries) {
    if (cachedRows <= MAX_ROWS) break;
    entries.delete(oldestKey);
    cachedRows -= oldest.rows.length;
  }
}

/**
 * The rows for the closed days under `key`: from the cache when `stamp` (of the
 * answers before today) still matches, else from `load` (and cached).
 */
export async function closedDays<T>(key: string, stamp: string, load: () => Promise<T[]>): Promise<T[]> {
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last, so eviction drops the stalest entries.
    entries.delete(key);
    entries.set(key, hit);
    return hit.rows as T[];
  }
  const rows = await load();
  remember(key, { stamp, rows });
  return rows;
}

/** Forgets everything (tests). */
export function clearStatsCache() {
  entries.clear();
  cachedRows = 0;
}
