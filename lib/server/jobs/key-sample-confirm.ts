import "server-only";
import type { AttributeValue, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { fromWire } from "@/lib/dynamo/wire-value";
import type { KeyConfirmation, KeyEstimate, KeySkewEntry, ThrottleInfo } from "@/lib/jobs/job-types";
import { atLeastEstimate, confirmedEstimate, rankCandidates, scaledEstimate, wholeEstimate } from "@/lib/jobs/key-estimate";
import type { KeySamplePlan } from "@/lib/jobs/key-sample-plan";
import type { KeySkewAggregator, KeySkewSummary } from "@/lib/jobs/key-skew-aggregator";
import { keyIdOf, keyValueOf } from "@/lib/jobs/partition-key-id";
import type { Scope } from "@/lib/scope/scope";
import { confirmCounts } from "./count-confirm";

/**
 * Share of a sample's RCU budget kept back for the COUNT queries that confirm its top candidates; the Scan may use the
 * rest (and the queries get whatever it leaves).
 */
export const CONFIRM_BUDGET_SHARE = 0.25;
/** Candidates counted at most: enough for the top-10 lists by items and by bytes, with room for near misses. */
const MAX_CANDIDATES = 20;

type Candidate = { id: string; value: AttributeValue; startKey?: Record<string, AttributeValue>; sampled: { items: number; bytes: number }; estimate: KeyEstimate };

export type ConfirmInput = {
  scope: Scope;
  table: string;
  plan: KeySamplePlan;
  aggregator: KeySkewAggregator;
  summary: KeySkewSummary;
  /** Where the sample's segments stopped (the table's own key only: each stopped inside one key). */
  stoppedAt: ReadonlyArray<{ lastKey: Record<string, AttributeValue> }>;
  /** Items the Scan read, against the approximate ItemCount of what it read. */
  itemsRead: number;
  rcuBudget: number;
  rcuPerSecond: number;
  signal: AbortSignal;
  client?: DynamoDBClient;
  onPage?: (rcu: number) => void;
};

export type Confirmed = { confirmation: KeyConfirmation; estimates: Map<string, KeyEstimate>; throttle: ThrottleInfo | null };

/**
 * Estimates each reported key's total, then confirms the top candidates with Select COUNT Queries within the budget:
 * - the table's own key: the keys the sample stopped inside are the only ones not read whole; each is counted on from
 *   where its segment stopped, so nothing is read twice;
 * - an index key (sampled from the base table): every key's total is its sampled count scaled by the share read; the
 *   largest estimates are counted on the index from their start.
 */
export async function confirmTopKeys(input: ConfirmInput): Promise<Confirmed> {
  const { plan, aggregator, summary } = input;
  const itemCount = plan.coverage.itemCount;
  const fraction = itemCount !== null && itemCount > 0 ? Math.min(1, input.itemsRead / itemCount) : null;
  const estimates = new Map<string, KeyEstimate>();
  const candidates: Candidate[] = [];
  const cut = new Set<string>();

  if (plan.sampling === "whole-keys") {
    for (const { lastKey } of input.stoppedAt) {
      const value = lastKey[plan.partitionKey];
      const id = keyIdOf(value);
      const sampled = id ? aggregator.seen(id) : null;
      if (!value || !id || !sampled || cut.has(id)) continue;
      cut.add(id);
      candidates.push({ id, value, startKey: lastKey, sampled, estimate: atLeastEstimate(sampled.items, sampled.bytes) });
    }
  }
  for (const entry of [...summary.topByItems, ...summary.topByBytes]) {
    const id = keyIdOf(fromWire(entry.key));
    if (!id || estimates.has(id)) continue;
    const sampled = aggregator.seen(id);
    if (!sampled) continue; // counting summarised: the figures are approximate, so no exact-looking estimate is given
    if (plan.sampling === "whole-keys") {
      estimates.set(id, cut.has(id) ? atLeastEstimate(sampled.items, sampled.bytes) : wholeEstimate(sampled.items, sampled.bytes));
    } else {
      const estimate = fraction === null ? atLeastEstimate(sampled.items, sampled.bytes) : scaledEstimate(sampled.items, sampled.bytes, fraction);
      estimates.set(id, estimate);
      candidates.push({ id, value: fromWire(entry.key), sampled, estimate });
    }
  }

  const chosen = rankCandidates(candidates, MAX_CANDIDATES);
  const counted = await confirmCounts({
    scope: input.scope,
    table: input.table,
    index: plan.sampling === "spread" ? plan.countIndex : null,
    partitionKey: plan.partitionKey,
    candidates: chosen.map((candidate) => ({
      id: candidate.id,
      value: candidate.value,
      ...(candidate.startKey ? { startKey: candidate.startKey } : {}),
      bytesPerItem: candidate.sampled.items > 0 ? candidate.sampled.bytes / candidate.sampled.items : 1,
    })),
    rcuBudget: input.rcuBudget,
    rcuPerSecond: input.rcuPerSecond,
    signal: input.signal,
    client: input.client,
    onPage: input.onPage,
  });

  const keys: KeySkewEntry[] = chosen.map((candidate) => {
    const tally = counted.tallies.get(candidate.id);
    // The table's key continues after the sampled items; an index key is counted from its start.
    const base = candidate.startKey ? candidate.sampled : { items: 0, bytes: 0 };
    const bytesPerItem = candidate.sampled.items > 0 ? candidate.sampled.bytes / candidate.sampled.items : 0;
    const estimate = tally ? confirmedEstimate(base, tally, bytesPerItem) : candidate.estimate;
    estimates.set(candidate.id, estimate);
    return { key: keyValueOf(candidate.id), items: candidate.sampled.items, bytes: candidate.sampled.bytes, share: summary.sampleSize > 0 ? candidate.sampled.items / summary.sampleSize : 0, maxOverestimate: 0, estimate };
  });
  keys.sort((a, b) => (b.estimate?.items ?? 0) - (a.estimate?.items ?? 0) || (b.estimate?.bytes ?? 0) - (a.estimate?.bytes ?? 0));
  const confirmation: KeyConfirmation = {
    candidates: chosen.length,
    confirmed: keys.filter((entry) => entry.estimate?.basis === "confirmed" && entry.estimate.complete).length,
    queries: counted.queries,
    rcuUsed: counted.rcuUsed,
    stopReason: counted.stopReason,
    keys,
  };
  return { confirmation, estimates, throttle: counted.throttle };
}

/** The top lists with each key's estimate attached (where one is known). */
export function withEstimates(entries: readonly KeySkewEntry[], estimates: ReadonlyMap<string, KeyEstimate>): KeySkewEntry[] {
  return entries.map((entry) => {
    const id = keyIdOf(fromWire(entry.key));
    const estimate = id ? estimates.get(id) : undefined;
    return estimate ? { ...entry, estimate } : entry;
  });
}
