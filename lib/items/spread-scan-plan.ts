/**
 * How to spread a bounded Scan over the key space: S parallel-Scan segments (TotalSegments = S, each a contiguous
 * range of the partition-key hash space) read k items each, instead of one segment read for S·k items.
 *
 * Why: a Scan returns each partition key's items together, in hash order, so one long segment on a table with large
 * partitions sees only a handful of keys. Each segment starts at the beginning of a different partition, so S
 * segments see about S keys.
 *
 * The catch is cost. DynamoDB charges each Scan request separately: the bytes it examined, rounded up to 4 KB, at
 * 0.5 RCU per 4 KB for eventually consistent reads, and at least 0.5 RCU (REFERENCE.md, "Capacity units"; DynamoDB
 * Local charges the same way, measured in README "Partition list"). So S requests of k small items cost more than one
 * request of S·k items: 200 segments × 5 items of 558 bytes cost 100 RCU where one Scan of 1,000 costs 68.5.
 *
 * The rule: keep the predicted RCU within COST_HEADROOM of what one segment reading the whole budget costs, and, within
 * that, take as many segments as possible (each adds a key), then as many items per segment as still fit in the 4 KB
 * units each request pays for anyway (they are free). The average item size comes from DescribeTable (ItemCount,
 * TableSizeBytes), which AWS refreshes about every six hours: stale figures only shift the split, never the item
 * budget. Client-safe and pure.
 */

/** Eventually consistent: 0.5 RCU per 4 KB examined. */
export const RCU_PER_4KB = 0.5;
/**
 * Predicted cost may be this much above one long segment's. The promise is 1.2×; the rest is headroom for item
 * sizes that vary around the average (a page that crosses a 4 KB boundary costs one more half unit).
 */
export const COST_HEADROOM = 1.15;
/** Pages are sized as if items were this much larger than average, so a page of slightly larger items stays in its 4 KB units. */
export const SIZE_MARGIN = 1.1;
/** Most segments one listing reads: bounds the requests per page and the positions its cursor must carry. */
export const MAX_SPREAD_SEGMENTS = 200;

/** What one Scan request that examined `bytes` is charged, eventually consistent. */
export function scanRequestRcu(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 4096)) * RCU_PER_4KB;
}

export type SpreadPlan = {
  /** TotalSegments of the first page, or segments to continue on a later one. 1: a plain Scan. */
  segments: number;
  /** Limit of each segment's request. */
  perSegment: number;
  /** TableSizeBytes / ItemCount, when both are known and positive. */
  avgItemBytes: number | null;
  /** What the plan is predicted to cost, and what one segment reading the whole budget would (null: size unknown). */
  predictedRcu: number | null;
  singleSegmentRcu: number | null;
  /**
   * "fits": the table holds no more than the budget, so one Scan reads it all; "size-unknown": DescribeTable gave no
   * usable size (e.g. a table under six hours old on AWS shows 0), so one segment as before; "spread": segments chosen by cost.
   */
  why: "fits" | "size-unknown" | "spread";
};

export type SpreadInput = {
  /** Items to read in all. */
  budget: number;
  itemCount: number | null;
  sizeBytes: number | null;
  /** At most this many segments (MAX_SPREAD_SEGMENTS by default; a continuation passes its open segments). */
  maxSegments?: number;
  /** A continuation: the table is known not to fit, so never fall back to "fits". */
  continuing?: boolean;
};

export function averageItemBytes(itemCount: number | null, sizeBytes: number | null): number | null {
  return itemCount !== null && sizeBytes !== null && itemCount > 0 && sizeBytes > 0 ? sizeBytes / itemCount : null;
}

/** The largest number of segments whose predicted cost stays within COST_HEADROOM of one long segment, and their Limit. */
export function planSpread(input: SpreadInput): SpreadPlan {
  const budget = Math.max(1, Math.floor(input.budget));
  const maxSegments = Math.max(1, Math.min(input.maxSegments ?? MAX_SPREAD_SEGMENTS, budget));
  const avg = averageItemBytes(input.itemCount, input.sizeBytes);
  if (!input.continuing && input.itemCount !== null && input.itemCount <= budget) {
    return { segments: 1, perSegment: budget, avgItemBytes: avg, predictedRcu: avg === null ? null : scanRequestRcu(input.itemCount * avg), singleSegmentRcu: null, why: "fits" };
  }
  if (avg === null) {
    // Without a size nothing can be predicted: a continuation shares the budget over its open segments, a first page reads one segment.
    const segments = input.continuing ? maxSegments : 1;
    return { segments, perSegment: Math.max(1, Math.floor(budget / segments)), avgItemBytes: null, predictedRcu: null, singleSegmentRcu: null, why: "size-unknown" };
  }
  const single = singleSegmentRcu(budget, avg);
  const target = single * COST_HEADROOM;
  const pageBytes = avg * SIZE_MARGIN;
  for (let segments = maxSegments; segments >= 2; segments--) {
    // Each request may use this many 4 KB units and keep the total on target.
    const units = Math.floor(target / segments / RCU_PER_4KB + 1e-9);
    const perSegment = Math.min(Math.floor(budget / segments), Math.floor((units * 4096) / pageBytes));
    if (units >= 1 && perSegment >= 1) {
      return { segments, perSegment, avgItemBytes: avg, predictedRcu: segments * scanRequestRcu(perSegment * avg), singleSegmentRcu: single, why: "spread" };
    }
  }
  return { segments: 1, perSegment: budget, avgItemBytes: avg, predictedRcu: single, singleSegmentRcu: single, why: "spread" };
}

/** One segment reading `budget` items: 1 MB pages (128 RCU each) and a last, rounded-up one. */
function singleSegmentRcu(budget: number, avg: number): number {
  const bytes = budget * avg;
  const fullPages = Math.floor(bytes / 1_048_576);
  const rest = bytes - fullPages * 1_048_576;
  return fullPages * 128 + (rest > 0 ? scanRequestRcu(rest) : 0);
}
