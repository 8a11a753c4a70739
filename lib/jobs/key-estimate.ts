import type { KeyEstimate } from "./job-types";

/**
 * Per-key totals estimated from a key sample, and the bounds that Select COUNT Queries put on them. Pure, client-safe.
 *
 * What a sample can say about a key depends on how it was read (job-types.ts, KeySampling):
 * - the table's own key: a Scan returns each key's items together, so the sample holds whole keys, exact, except
 *   the one each segment stopped inside, which is a lower bound until a COUNT Query finishes it;
 * - an index key counted from the base table: the table's order has nothing to do with the index key, so the sample
 *   holds about the same share of every index key's items, and sampled / share estimates the total.
 */

/** 95% normal quantile. */
const Z = 1.96;

export function wholeEstimate(items: number, bytes: number): KeyEstimate {
  return { basis: "whole", items, itemsLow: items, itemsHigh: items, bytes, bytesLow: bytes, bytesHigh: bytes, complete: true, countQueries: 0, countRcu: 0 };
}

export function atLeastEstimate(items: number, bytes: number): KeyEstimate {
  return { basis: "at-least", items, itemsLow: items, itemsHigh: null, bytes, bytesLow: bytes, bytesHigh: null, complete: false, countQueries: 0, countRcu: 0 };
}

/**
 * An index key seen `items` times in a sample that read `fraction` of the base table: total ≈ items / fraction. The
 * count of a key in a uniform sample is close to Poisson, so the interval is items ± 1.96·√items (plus 1.92 above,
 * which keeps small counts honest), scaled the same way, and never below what was seen. Bytes scale with items.
 */
export function scaledEstimate(items: number, bytes: number, fraction: number): KeyEstimate {
  const share = Math.min(1, Math.max(fraction, Number.MIN_VALUE));
  const low = Math.max(items, (items - Z * Math.sqrt(items)) / share);
  const high = Math.max(low, (items + Z * Math.sqrt(items + 1) + 1.92) / share);
  const perItem = items > 0 ? bytes / items : 0;
  return {
    basis: "scaled",
    items: Math.round(items / share),
    itemsLow: Math.floor(low),
    itemsHigh: Math.ceil(high),
    bytes: Math.round(bytes / share),
    bytesLow: Math.max(bytes, Math.floor(low * perItem)),
    bytesHigh: Math.ceil(high * perItem),
    complete: false,
    countQueries: 0,
    countRcu: 0,
  };
}

/**
 * Bytes a Select COUNT Query page examined, from the RCU it was charged: eventually consistent reads cost 0.5 RCU per
 * started 4 KB (at least 0.5), so a page charged c RCU examined more than (2c − 1)·4 KB and at most 2c·4 KB.
 */
export function countPageBytes(rcu: number): { low: number; high: number } {
  const units = Math.max(1, Math.round(rcu * 2));
  return { low: (units - 1) * 4096, high: units * 4096 };
}

/** What a key's COUNT queries found, added to what the sample had already read of it (`base`, which may be nothing). */
export type CountTally = { items: number; bytesLow: number; bytesHigh: number; queries: number; rcu: number; complete: boolean };

/**
 * The confirmed total of a key. `base` is what the sample read before the queries' starting point (the table's own
 * key: the queries continue from the segment's LastEvaluatedKey) or nothing (an index key: counted from its start).
 * The byte figure is the counted items at the sample's bytes per item for this key, kept within the charge's bounds.
 */
export function confirmedEstimate(base: { items: number; bytes: number }, tally: CountTally, bytesPerItem: number): KeyEstimate {
  const countedBytes = Math.min(tally.bytesHigh, Math.max(tally.bytesLow, Math.round(tally.items * bytesPerItem)));
  return {
    basis: "confirmed",
    items: base.items + tally.items,
    itemsLow: base.items + tally.items,
    itemsHigh: tally.complete ? base.items + tally.items : null,
    bytes: base.bytes + countedBytes,
    bytesLow: base.bytes + tally.bytesLow,
    bytesHigh: tally.complete ? base.bytes + tally.bytesHigh : null,
    complete: tally.complete,
    countQueries: tally.queries,
    countRcu: tally.rcu,
  };
}

/** Keys to confirm, largest first by their estimated items, then bytes; at most `limit`. */
export function rankCandidates<T extends { estimate: KeyEstimate }>(candidates: readonly T[], limit: number): T[] {
  return [...candidates].sort((a, b) => b.estimate.items - a.estimate.items || b.estimate.bytes - a.estimate.bytes).slice(0, limit);
}
