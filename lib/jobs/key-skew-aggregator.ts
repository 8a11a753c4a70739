import { gini, giniOfGroups, type ValueGroup } from "./gini";
import { DEFAULT_HLL_PRECISION, hash64, HyperLogLog } from "./hyperloglog";
import type { KeyConcentration, KeySampleResult, KeySkewEntry } from "./job-types";
import { keyValueOf } from "./partition-key-id";
import { SpaceSaving, type SpaceSavingCounter } from "./space-saving";

/** Distinct keys counted exactly; a map of this many short ids and two numbers stays in the low tens of MB. */
export const DEFAULT_EXACT_KEY_CAP = 50_000;
/**
 * Space-Saving counters per summary (one by items, one by bytes). A key holding more than total/counters is always
 * tracked, and the top 20 of a skewed table hold far more than 1/2,000 of it.
 */
export const DEFAULT_SUMMARY_COUNTERS = 2_000;
/** Keys kept in the hash-chosen sample that stands in for the tail once counting summarises. */
export const DEFAULT_TAIL_SAMPLE_KEYS = 10_000;
export const TOP_KEYS = 20;

export type KeySkewAggregatorOptions = { exactKeyCap?: number; summaryCounters?: number; tailSampleKeys?: number; hllPrecision?: number };

export type KeySkewSummary = Pick<KeySampleResult, "counting" | "distinctKeys" | "topByItems" | "topByBytes" | "concentration"> & {
  sampleSize: number;
  bytesCounted: number;
};

type Tally = { items: number; bytes: number };
type Measure = keyof Tally;

const UNIT = 2 ** 32;

/**
 * Items and bytes per partition key, in bounded memory. Pure and client-safe: the Scan that feeds it lives in lib/server.
 *
 * Counts are exact until `exactKeyCap` distinct keys. Past it the exact map is dropped for three fixed-size structures:
 * - two weighted Space-Saving summaries (by items, by bytes), fed the exact counts largest first, for the top keys;
 * - a HyperLogLog for the distinct key count;
 * - a distinct sample (Gibbons 2001): the keys whose hash falls below a threshold that halves whenever the sample
 *   outgrows `tailSampleKeys`. A key in it has been counted since its first item, so it is an exactly counted, uniform
 *   random sample of keys, which stands in for the keys the summaries cannot see when the Gini is computed.
 */
export class KeySkewAggregator {
  readonly exactKeyCap: number;
  readonly summaryCounters: number;
  readonly tailSampleKeys: number;
  private exact: Map<string, Tally> | null = new Map();
  private readonly byItems: SpaceSaving;
  private readonly byBytes: SpaceSaving;
  private readonly distinct: HyperLogLog;
  private readonly tail = new Map<string, Tally & { u: number }>();
  /** Keys whose hash, as a fraction of 2^32, is below this are in the tail sample. */
  private threshold = 1;
  private items = 0;
  private bytes = 0;

  constructor(options: KeySkewAggregatorOptions = {}) {
    this.exactKeyCap = options.exactKeyCap ?? DEFAULT_EXACT_KEY_CAP;
    this.summaryCounters = options.summaryCounters ?? DEFAULT_SUMMARY_COUNTERS;
    this.tailSampleKeys = options.tailSampleKeys ?? DEFAULT_TAIL_SAMPLE_KEYS;
    this.byItems = new SpaceSaving(this.summaryCounters);
    this.byBytes = new SpaceSaving(this.summaryCounters);
    this.distinct = new HyperLogLog(options.hllPrecision ?? DEFAULT_HLL_PRECISION);
  }

  get mode(): "exact" | "summary" {
    return this.exact ? "exact" : "summary";
  }

  /** Keys held in memory, by structure: what bounds this aggregator's memory (plus the HyperLogLog's fixed registers). */
  footprint(): { exactKeys: number; counters: number; tailKeys: number; hllBytes: number } {
    return {
      exactKeys: this.exact?.size ?? 0,
      counters: this.exact ? 0 : this.byItems.size + this.byBytes.size,
      tailKeys: this.exact ? 0 : this.tail.size,
      hllBytes: this.distinct.sizeBytes,
    };
  }

  /** Counts one item of the key with this id (see keyIdOf). */
  add(id: string, bytes: number): void {
    this.items++;
    this.bytes += bytes;
    const [high, low] = hash64(id);
    this.distinct.addHash(high, low);
    if (this.exact) {
      const tally = this.exact.get(id);
      if (tally) {
        tally.items++;
        tally.bytes += bytes;
        return;
      }
      if (this.exact.size < this.exactKeyCap) {
        this.exact.set(id, { items: 1, bytes });
        return;
      }
      this.summarise(this.exact);
    }
    this.byItems.offer(id, 1, bytes);
    this.byBytes.offer(id, bytes, 1);
    this.sampleTail(id, high / UNIT, 1, bytes);
  }

  /** What was counted of one key while counting is exact; null once it summarises (counts are then approximate). */
  seen(id: string): { items: number; bytes: number } | null {
    const tally = this.exact?.get(id);
    return tally ? { items: tally.items, bytes: tally.bytes } : null;
  }

  summary(): KeySkewSummary {
    const counting = { mode: this.mode, exactKeyCap: this.exactKeyCap, summaryCounters: this.summaryCounters };
    const base = { sampleSize: this.items, bytesCounted: this.bytes, counting };
    return this.exact ? { ...base, ...this.exactSummary(this.exact) } : { ...base, ...this.approximateSummary() };
  }

  /** Folds the exact counts into the summaries, largest first so the biggest keys enter with no error, and into the tail sample. */
  private summarise(exact: Map<string, Tally>): void {
    const entries = [...exact];
    for (const [id, tally] of entries.sort((a, b) => b[1].items - a[1].items)) this.byItems.offer(id, tally.items, tally.bytes);
    for (const [id, tally] of entries.sort((a, b) => b[1].bytes - a[1].bytes)) this.byBytes.offer(id, tally.bytes, tally.items);
    for (const [id, tally] of entries) this.sampleTail(id, hash64(id)[0] / UNIT, tally.items, tally.bytes);
    this.exact = null;
  }

  private sampleTail(id: string, u: number, items: number, bytes: number): void {
    if (u >= this.threshold) return;
    const tally = this.tail.get(id);
    if (tally) {
      tally.items += items;
      tally.bytes += bytes;
      return;
    }
    this.tail.set(id, { items, bytes, u });
    while (this.tail.size > this.tailSampleKeys) {
      this.threshold /= 2;
      for (const [key, kept] of this.tail) if (kept.u >= this.threshold) this.tail.delete(key);
    }
  }

  private exactSummary(exact: Map<string, Tally>): Omit<KeySkewSummary, "sampleSize" | "bytesCounted" | "counting"> {
    const entries = [...exact];
    const ranked = (measure: Measure) => entries.sort((a, b) => b[1][measure] - a[1][measure] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TOP_KEYS);
    const entry = (id: string, tally: Tally, share: number): KeySkewEntry => ({ key: keyValueOf(id), items: tally.items, bytes: tally.bytes, share, maxOverestimate: 0 });
    const topByItems = ranked("items").map(([id, tally]) => entry(id, tally, tally.items / this.items));
    const topByBytes = ranked("bytes").map(([id, tally]) => entry(id, tally, this.bytes > 0 ? tally.bytes / this.bytes : 0));
    return {
      distinctKeys: { value: exact.size, approximate: false, relativeError: null },
      topByItems,
      topByBytes,
      concentration: {
        items: concentration(topByItems.map((e) => e.items), this.items, gini(entries.map(([, tally]) => tally.items))),
        bytes: concentration(topByBytes.map((e) => e.bytes), this.bytes, gini(entries.map(([, tally]) => tally.bytes))),
        approximate: false,
      },
    };
  }

  private approximateSummary(): Omit<KeySkewSummary, "sampleSize" | "bytesCounted" | "counting"> {
    // Never below the keys known to be distinct (HLL is an estimate; the exact map held real keys).
    const distinct = Math.max(Math.round(this.distinct.estimate()), this.exactKeyCap + 1);
    const itemsTop = this.byItems.top(TOP_KEYS);
    const bytesTop = this.byBytes.top(TOP_KEYS);
    const topByItems = itemsTop.map((c): KeySkewEntry => ({ key: keyValueOf(c.id), items: c.count, bytes: c.companion, share: c.count / this.items, maxOverestimate: c.error }));
    const topByBytes = bytesTop.map((c): KeySkewEntry => ({ key: keyValueOf(c.id), items: c.companion, bytes: c.count, share: this.bytes > 0 ? c.count / this.bytes : 0, maxOverestimate: c.error }));
    return {
      distinctKeys: { value: distinct, approximate: true, relativeError: this.distinct.relativeError },
      topByItems,
      topByBytes,
      concentration: {
        items: concentration(topByItems.map((e) => e.items), this.items, this.summaryGini(this.byItems, "items")),
        bytes: concentration(topByBytes.map((e) => e.bytes), this.bytes, this.summaryGini(this.byBytes, "bytes")),
        approximate: true,
      },
    };
  }

  /**
   * Gini from the summary: the keys surely heavier than any untracked key (guaranteed count above the summary's floor)
   * at their guaranteed counts, and every other key represented by the tail sample, each sampled key standing for
   * 1/threshold keys. The tail sample's own copies of the heavy keys are left out, so nothing counts twice.
   */
  private summaryGini(summary: SpaceSaving, measure: Measure): number | null {
    const floor = summary.floor;
    const heavy = summary.counters().filter((counter: SpaceSavingCounter) => counter.count - counter.error > floor);
    const heavyIds = new Set(heavy.map((counter) => counter.id));
    const groups: ValueGroup[] = heavy.map((counter) => ({ value: counter.count - counter.error, count: 1 }));
    for (const [id, tally] of this.tail) if (!heavyIds.has(id)) groups.push({ value: tally[measure], count: 1 / this.threshold });
    return giniOfGroups(groups);
  }
}

function concentration(rankedValues: number[], total: number, giniValue: number | null): KeyConcentration {
  if (total <= 0 || rankedValues.length === 0) return { top1Share: null, top10Share: null, gini: giniValue };
  const top10 = rankedValues.slice(0, 10).reduce((sum, value) => sum + value, 0);
  return { top1Share: Math.min(1, (rankedValues[0] ?? 0) / total), top10Share: Math.min(1, top10 / total), gini: giniValue };
}
