import { SpaceSaving } from "@/lib/jobs/space-saving";

/**
 * Writes, write units and the busiest rate per key, in bounded memory. Client-safe, pure.
 *
 * Exact per-key tallies until `exactKeyCap` distinct keys, then a weighted Space-Saving summary of `summaryCounters`
 * keys (as the key sampler's KeySkewAggregator does): fed the exact tallies largest first so the heaviest keys enter
 * with no error, then every write. In the summary a key's writes may overstate it by `maxOverestimate`; its write
 * units and peak are counted only from when it was last tracked, so they are lower bounds.
 */

export const DEFAULT_STREAM_EXACT_KEYS = 50_000;
export const DEFAULT_STREAM_SUMMARY_COUNTERS = 2_000;

export type KeyTallyRow = { id: string; writes: number; units: number; peakUnitsPerSecond: number; maxOverestimate: number };

type Tally = { writes: number; units: number; peak: number };

const byWrites = (a: [string, Tally], b: [string, Tally]) => b[1].writes - a[1].writes || b[1].units - a[1].units || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export class StreamKeyTally {
  private exact: Map<string, Tally> | null = new Map();
  private readonly summary: SpaceSaving;
  /** Summary mode: the peak of each tracked key; pruned to the tracked keys when it outgrows twice the counters. */
  private readonly peaks = new Map<string, number>();

  constructor(
    readonly exactKeyCap: number = DEFAULT_STREAM_EXACT_KEYS,
    readonly summaryCounters: number = DEFAULT_STREAM_SUMMARY_COUNTERS,
  ) {
    this.summary = new SpaceSaving(summaryCounters);
  }

  get mode(): "exact" | "summary" {
    return this.exact ? "exact" : "summary";
  }

  /** Keys held: exact tallies, or counters in use. */
  get size(): number {
    return this.exact ? this.exact.size : this.summary.size;
  }

  /** Distinct keys, exactly; null once counting summarises. */
  get distinct(): number | null {
    return this.exact?.size ?? null;
  }

  /** One key's writes in one batch, and the rate they came at (units ÷ the batch's interval). */
  add(id: string, writes: number, units: number, unitsPerSecond: number): void {
    if (this.exact) {
      const tally = this.exact.get(id);
      if (tally) {
        tally.writes += writes;
        tally.units += units;
        tally.peak = Math.max(tally.peak, unitsPerSecond);
        return;
      }
      if (this.exact.size < this.exactKeyCap) {
        this.exact.set(id, { writes, units, peak: unitsPerSecond });
        return;
      }
      this.summarise(this.exact);
    }
    this.summary.offer(id, writes, units);
    this.peaks.set(id, Math.max(this.peaks.get(id) ?? 0, unitsPerSecond));
    if (this.peaks.size > 2 * this.summaryCounters) this.prunePeaks();
  }

  /** Each held key's writes (for ranking which keys keep a heat row). */
  writesOf(): Map<string, number> {
    if (this.exact) return new Map([...this.exact].map(([id, tally]) => [id, tally.writes]));
    return new Map(this.summary.counters().map((counter) => [counter.id, counter.count]));
  }

  /** The `n` keys with the most writes, most first. */
  top(n: number): KeyTallyRow[] {
    if (this.exact) {
      return [...this.exact]
        .sort(byWrites)
        .slice(0, n)
        .map(([id, tally]) => ({ id, writes: tally.writes, units: tally.units, peakUnitsPerSecond: tally.peak, maxOverestimate: 0 }));
    }
    return this.summary.top(n).map((counter) => ({
      id: counter.id,
      writes: counter.count,
      units: counter.companion,
      peakUnitsPerSecond: this.peaks.get(counter.id) ?? 0,
      maxOverestimate: counter.error,
    }));
  }

  private summarise(exact: Map<string, Tally>): void {
    for (const [id, tally] of [...exact].sort(byWrites)) {
      this.summary.offer(id, tally.writes, tally.units);
      this.peaks.set(id, tally.peak);
    }
    this.exact = null;
    this.prunePeaks();
  }

  private prunePeaks(): void {
    const tracked = new Set(this.summary.counters().map((counter) => counter.id));
    for (const id of this.peaks.keys()) if (!tracked.has(id)) this.peaks.delete(id);
  }
}
