import type { Estimate, EstimateMethod, ShareEstimate } from "./entity-types";

/**
 * Table-wide counts of a group of items (an entity type, an index's items) from the part of the table a scan read.
 * Client-safe, pure.
 *
 * A stopped Scan has read whole partitions in hash order (DynamoDB returns a partition key's items together, and the
 * hash spreads partitions evenly), so the items read are a cluster sample: partitions are the sampled units. The
 * share p̂ = seen / itemsRead is a ratio estimator, and its variance is taken between partitions,
 *   V = (1 − f) · S² / (n_c · m̄²),   S² = Σ (y_c − p̂·m_c)² / (k − 1),
 * over k sampled partitions c (items m_c, of which y_c in the group), n_c partitions read, m̄ = itemsRead / n_c and
 * f = itemsRead / tableItemCount (finite population). With fewer than MIN_CLUSTERS sampled partitions the binomial
 * variance p̂(1 − p̂)/itemsRead · (1 − f) is used as well, whichever is larger. The 95% interval is Wilson's score
 * interval at the effective sample size p̂(1 − p̂)/V, which stays honest for zero and small counts, then scaled by
 * tableItemCount. Bytes use the same ratio variance with y_c = the group's bytes and a normal interval.
 */

export const CONFIDENCE = 0.95;
const Z = 1.96;
/** Sampled partitions needed before the between-partition variance alone is trusted. */
export const MIN_CLUSTERS = 30;

/**
 * Sums over k sampled partitions c with m_c items, y_c of them (or their bytes) in the group: Σy², Σy·m, Σm². Enough
 * for Σ(y_c − r·m_c)² at any ratio r, so no per-partition list is kept per group.
 */
export type ClusterSums = { k: number; sumY2: number; sumYM: number; sumM2: number };

export const NO_CLUSTERS: ClusterSums = { k: 0, sumY2: 0, sumYM: 0, sumM2: 0 };

export type ScaleContext = {
  complete: boolean;
  itemsRead: number;
  bytesRead: number;
  tableItemCount: number | null;
  /** Distinct partitions read (exact or estimated); for m̄. */
  partitionsRead: number;
};

export function estimateMethod(context: ScaleContext): EstimateMethod {
  const { itemsRead, tableItemCount } = context;
  if (context.complete) {
    return { kind: "exact", itemsRead, tableItemCount, factor: null, confidence: 1, text: "Counted exactly: the scan read the whole table." };
  }
  if (tableItemCount === null || itemsRead === 0) {
    return {
      kind: "read-only",
      itemsRead,
      tableItemCount,
      factor: null,
      confidence: CONFIDENCE,
      text:
        itemsRead === 0
          ? "The scan read no items, so there is nothing to scale: every count is 0, a lower bound."
          : `Counts are what the scan read (${itemsRead} items), lower bounds: the table's item count was not given, so nothing is scaled. Shares have 95% Wilson intervals.`,
    };
  }
  const population = Math.max(tableItemCount, itemsRead);
  return {
    kind: "scaled",
    itemsRead,
    tableItemCount,
    factor: population / itemsRead,
    confidence: CONFIDENCE,
    text:
      `Scaled from ${itemsRead} items read to the table's ItemCount of ${tableItemCount} (DynamoDB refreshes it about every six hours). ` +
      "Bounds are 95% intervals: a scan reads whole partitions, so the variance is taken between the partitions read (a ratio estimator " +
      "with a finite-population correction), and Wilson's interval at that effective sample size bounds the share before scaling.",
  };
}

/** Variance of the ratio Σy / Σm from sampled partitions, or null with fewer than two. */
export function clusterVariance(sums: ClusterSums, ratio: number, context: ScaleContext): number | null {
  if (sums.k < 2 || context.itemsRead === 0 || context.partitionsRead === 0) return null;
  const squares = Math.max(0, sums.sumY2 - 2 * ratio * sums.sumYM + ratio * ratio * sums.sumM2);
  const s2 = squares / (sums.k - 1);
  const meanItems = context.itemsRead / context.partitionsRead;
  return ((1 - samplingFraction(context)) * s2) / (context.partitionsRead * meanItems * meanItems);
}

/** The share of the items read in the group, with its 95% interval (exact after a full scan). */
export function itemShare(seen: number, context: ScaleContext, sums: ClusterSums): ShareEstimate {
  const n = context.itemsRead;
  if (n === 0) return { value: 0, low: 0, high: 0, exact: context.complete };
  const p = seen / n;
  if (context.complete) return { value: p, low: p, high: p, exact: true };
  const f = samplingFraction(context);
  const binomial = ((p * (1 - p)) / n) * (1 - f);
  const clustered = clusterVariance(sums, p, context);
  const variance = clustered === null ? binomial : sums.k >= MIN_CLUSTERS ? clustered : Math.max(clustered, binomial);
  const effective = variance > 0 && p > 0 && p < 1 ? (p * (1 - p)) / variance : f < 1 ? n / (1 - f) : Number.POSITIVE_INFINITY;
  const [low, high] = wilson(p, effective);
  return { value: p, low, high, exact: false };
}

/** The group's items in the whole table. */
export function itemEstimate(seen: number, context: ScaleContext, sums: ClusterSums): Estimate {
  if (context.complete) return { value: seen, low: seen, high: seen, exact: true };
  if (context.tableItemCount === null || context.itemsRead === 0) return { value: seen, low: seen, high: null, exact: false };
  const population = Math.max(context.tableItemCount, context.itemsRead);
  const share = itemShare(seen, context, sums);
  const unreadOthers = context.itemsRead - seen;
  return {
    value: Math.round(share.value * population),
    low: Math.max(seen, Math.floor(share.low * population)),
    high: Math.max(seen, Math.min(population - unreadOthers, Math.ceil(share.high * population))),
    exact: false,
  };
}

/** The group's bytes in the whole table; `sums` take y as the group's bytes per sampled partition. */
export function byteEstimate(seenBytes: number, seenItems: number, context: ScaleContext, sums: ClusterSums, itemsHigh: number | null): Estimate {
  if (context.complete) return { value: seenBytes, low: seenBytes, high: seenBytes, exact: true };
  if (context.tableItemCount === null || context.itemsRead === 0) return { value: seenBytes, low: seenBytes, high: null, exact: false };
  const population = Math.max(context.tableItemCount, context.itemsRead);
  const ratio = seenBytes / context.itemsRead;
  const variance = clusterVariance(sums, ratio, context);
  const meanItem = context.bytesRead / context.itemsRead;
  const value = ratio * population;
  if (seenItems === 0 || variance === null) {
    // Too little to measure a spread: bound the bytes by the item interval at the group's (or the table's) mean size.
    const perItem = seenItems > 0 ? seenBytes / seenItems : meanItem;
    return { value: Math.round(value), low: seenBytes, high: itemsHigh === null ? null : Math.max(seenBytes, Math.ceil(itemsHigh * perItem)), exact: false };
  }
  const half = Z * Math.sqrt(variance) * population;
  return { value: Math.round(value), low: Math.max(seenBytes, Math.floor(value - half)), high: Math.max(seenBytes, Math.ceil(value + half)), exact: false };
}

/** A byte total as a share of the table's estimated bytes (read bytes scaled like the items). */
export function byteShare(bytes: Estimate, seenBytes: number, context: ScaleContext): ShareEstimate {
  const total = context.bytesRead;
  if (total === 0) return { value: 0, low: 0, high: 0, exact: context.complete };
  const value = seenBytes / total;
  if (bytes.exact) return { value, low: value, high: value, exact: true };
  const population = context.tableItemCount === null ? context.itemsRead : Math.max(context.tableItemCount, context.itemsRead);
  const tableBytes = (total / context.itemsRead) * population;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const high = bytes.high === null ? 1 : clamp(bytes.high / tableBytes);
  return { value, low: Math.min(value, clamp(bytes.low / tableBytes)), high: Math.max(value, high), exact: false };
}

function samplingFraction(context: ScaleContext): number {
  if (context.tableItemCount === null || context.tableItemCount <= 0) return 0;
  return Math.min(1, context.itemsRead / Math.max(context.tableItemCount, context.itemsRead));
}

/** Wilson's score interval for a proportion p at sample size n. */
export function wilson(p: number, n: number): [number, number] {
  if (!Number.isFinite(n)) return [p, p];
  if (n <= 0) return [0, 1];
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
