/**
 * The Gini coefficient of how a total is spread over keys: 0 when every key holds the same, approaching 1 when one key
 * holds everything (exactly 1 − 1/n for n keys). Client-safe, pure.
 */

/** `count` keys that each hold `value`. */
export type ValueGroup = { value: number; count: number };

/**
 * Gini from the Lorenz curve: G = 1 − Σ (n_k/n)·(L_{k−1} + L_k) over groups sorted ascending, where L is the cumulative
 * share of the total. Within a group of equal values the curve is a straight line, so the trapezoids are exact and a
 * group of a million equal keys costs one step. Null when there are no keys or the total is 0 (nothing to spread).
 */
export function giniOfGroups(groups: Iterable<ValueGroup>): number | null {
  const sorted = [...groups].filter((group) => group.count > 0).sort((a, b) => a.value - b.value);
  let keys = 0;
  let total = 0;
  for (const group of sorted) {
    if (group.value < 0 || !Number.isFinite(group.value)) throw new RangeError("Gini needs finite, non-negative values");
    keys += group.count;
    total += group.value * group.count;
  }
  if (keys === 0 || total <= 0) return null;
  let cumulative = 0;
  let area = 0;
  for (const group of sorted) {
    const before = cumulative / total;
    cumulative += group.value * group.count;
    area += (group.count / keys) * (before + cumulative / total);
  }
  // Rounding can leave a hair below 0 for perfectly equal values.
  return Math.min(1, Math.max(0, 1 - area));
}

export function gini(values: Iterable<number>): number | null {
  const groups: ValueGroup[] = [];
  for (const value of values) groups.push({ value, count: 1 });
  return giniOfGroups(groups);
}
