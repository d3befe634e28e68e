/**
 * Keeps cards from the same source sentence apart: reorders a prioritised
 * list so that no two neighbours share a source whenever some order allows
 * it, moving each card as little as possible. Deterministic.
 *
 * At each position it takes the highest-priority card whose source differs
 * from the previous one and whose choice still leaves a valid order for the
 * rest. With m cards left after the previous card of source p, a valid order
 * exists iff every other source has at most ceil(m/2) cards and p at most
 * floor(m/2).
 */
export function separateSiblings<T>(
  items: readonly T[],
  sourceOf: (item: T) => string,
  previousSource: string | null = null,
): T[] {
  const remaining = items.slice();
  const counts = new Map<string, number>();
  for (const item of remaining) counts.set(sourceOf(item), (counts.get(sourceOf(item)) ?? 0) + 1);
  // sourcesWithCount[c] = how many sources have exactly c cards left.
  const sourcesWithCount = new Array<number>(remaining.length + 1).fill(0);
  let maxCount = 0;
  for (const c of counts.values()) {
    sourcesWithCount[c]++;
    maxCount = Math.max(maxCount, c);
  }

  const largestOther = (source: string): number => {
    const own = counts.get(source) ?? 0;
    if (own < maxCount || sourcesWithCount[maxCount] >= 2) return maxCount;
    for (let c = maxCount - 1; c > 0; c--) if (sourcesWithCount[c] > 0) return c;
    return 0;
  };
  // Would placing a card of `source` now leave the other cards arrangeable?
  const leavesValidOrder = (source: string): boolean => {
    const left = remaining.length - 1;
    return (counts.get(source) ?? 0) - 1 <= Math.floor(left / 2) && largestOther(source) <= Math.ceil(left / 2);
  };

  const ordered: T[] = [];
  let previous = previousSource;
  while (remaining.length > 0) {
    const left = remaining.length - 1;
    const anyDifferentWorks = maxCount <= Math.floor(left / 2);
    let pick = -1;
    let firstDifferent = -1;
    for (let i = 0; i < remaining.length; i++) {
      const source = sourceOf(remaining[i]);
      if (source === previous) continue;
      if (firstDifferent < 0) firstDifferent = i;
      if (anyDifferentWorks || leavesValidOrder(source)) {
        pick = i;
        break;
      }
    }
    if (pick < 0) pick = firstDifferent >= 0 ? firstDifferent : 0;

    const [item] = remaining.splice(pick, 1);
    const source = sourceOf(item);
    const count = counts.get(source) ?? 0;
    counts.set(source, count - 1);
    sourcesWithCount[count]--;
    sourcesWithCount[count - 1]++;
    while (maxCount > 0 && sourcesWithCount[maxCount] === 0) maxCount--;
    ordered.push(item);
    previous = source;
  }
  return ordered;
}
