import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/**
 * The entity attribute candidates (type, entity, _et, __typename, or a configured name) and their values, counted
 * online. Which one is THE entity attribute is decided at result time, so every candidate's string value is part of
 * an item's shape until the candidate shows more than `maxValues` distinct values: then it names data, not types
 * (a product's free-form "type"), its values are dropped and shapes fold without it. Client-safe, pure.
 */

export type CandidateTally = {
  /** Items that have the attribute. */
  present: number;
  /** Items that have it as a string. */
  strings: number;
  /** Counts per value; null once there were more than maxValues. */
  values: Map<string, number> | null;
};

export class EntityCandidates {
  private readonly tallies = new Map<string, CandidateTally>();
  private dirty = false;

  constructor(
    readonly names: readonly string[],
    readonly maxValues: number,
  ) {
    for (const name of names) this.tallies.set(name, { present: 0, strings: 0, values: new Map() });
  }

  /** Counts an item's candidate values; returns the [name, value] pairs that still tell shapes apart. */
  observe(values: ReadonlyArray<readonly [string, AttributeValue]>): Array<[string, string]> {
    const kept: Array<[string, string]> = [];
    for (const [name, value] of values) {
      const tally = this.tallies.get(name);
      if (!tally) continue;
      tally.present++;
      if (value.S === undefined) continue;
      tally.strings++;
      const counts = tally.values;
      if (counts === null) continue;
      const seen = counts.get(value.S);
      if (seen !== undefined) counts.set(value.S, seen + 1);
      else if (counts.size < this.maxValues) counts.set(value.S, 1);
      else {
        tally.values = null;
        this.dirty = true;
        continue;
      }
      kept.push([name, value.S]);
    }
    return kept;
  }

  /** The pairs without candidates that have since had too many values. */
  canonical(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
    return pairs.filter(([name]) => this.tallies.get(name)?.values != null).map(([name, value]) => [name, value]);
  }

  tally(name: string): CandidateTally | undefined {
    return this.tallies.get(name);
  }

  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  /** Values held across candidates. */
  footprint(): number {
    let values = 0;
    for (const tally of this.tallies.values()) values += tally.values?.size ?? 0;
    return values;
  }
}
