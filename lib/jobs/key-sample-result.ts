import { formatCount } from "@/lib/format/format-count";
import type { KeyConfirmation, KeySampleResult, KeySampling, StopReason } from "./job-types";
import type { KeySkewSummary } from "./key-skew-aggregator";

export type KeySampleContext = {
  mode: "sample" | "full";
  index: string | null;
  partitionKey: string;
  sampling: KeySampling;
  scan: { itemsRead: number; rcuUsed: number; pagesRead: number; maxPageRcu: number; stopReason: StopReason };
  rcuBudget: number;
  rateLimit: KeySampleResult["rateLimit"];
  /** DescribeTable's ItemCount of what was read, and whether that was the table or the index. */
  coverage: { itemCount: number | null; of: "table" | "index" };
  warnings: string[];
  /** Sample mode: the COUNT queries that confirmed the top candidates. */
  confirmation?: KeyConfirmation | null;
};

const STOPPED_BECAUSE: Partial<Record<StopReason, string>> = {
  budget: "it reached its RCU budget",
  throttled: "DynamoDB throttled it (it stops at the first throttle, so it never competes with the application)",
  cancelled: "it was cancelled",
};

/** The key sample's result: the aggregator's counts plus what they are based on, in plain words. Client-safe, pure. */
export function keySampleResult(summary: KeySkewSummary, context: KeySampleContext): KeySampleResult {
  const { scan } = context;
  const complete = context.mode === "full" && scan.stopReason === "end";
  const itemCount = context.coverage.itemCount;
  return {
    skew: "storage",
    mode: context.mode,
    index: context.index,
    partitionKey: context.partitionKey,
    sampling: context.sampling,
    itemsRead: scan.itemsRead,
    sampleSize: summary.sampleSize,
    bytesCounted: summary.bytesCounted,
    rcuUsed: scan.rcuUsed,
    rcuBudget: context.rcuBudget,
    pagesRead: scan.pagesRead,
    maxPageRcu: scan.maxPageRcu,
    rateLimit: context.rateLimit,
    complete,
    counting: summary.counting,
    distinctKeys: summary.distinctKeys,
    topByItems: summary.topByItems,
    topByBytes: summary.topByBytes,
    concentration: summary.concentration,
    coverage: {
      itemsScanned: scan.itemsRead,
      itemCount,
      // Capped at 1: ItemCount may be hours old and smaller than what is there now.
      fraction: itemCount !== null && itemCount > 0 ? Math.min(1, scan.itemsRead / itemCount) : null,
      of: context.coverage.of,
      approximate: true,
    },
    confirmation: context.confirmation ?? null,
    warnings: context.warnings,
    notes: notes(summary, context, complete),
  };
}

const formatRcu = (rcu: number) => (Math.round(rcu * 10) / 10).toLocaleString("en-US");

function notes(summary: KeySkewSummary, context: KeySampleContext, complete: boolean): string[] {
  const by = context.index === null ? `partition key ${context.partitionKey}` : `the partition key ${context.partitionKey} of index ${context.index}`;
  const lines = [`Storage skew: how items and bytes are spread over ${by} as stored. It says nothing about which keys are read or written most; that traffic shows in Contributor Insights and the throttle metrics.`];
  const items = formatCount(context.scan.itemsRead);
  if (context.sampling === "full-scan") {
    lines.push(complete ? `Based on a full scan of ${items} items.` : `Based on ${items} items: the full scan did not finish.`);
  } else if (context.sampling === "whole-keys") {
    lines.push(
      `Based on a sample of ${items} items. A Scan returns each key's items together, so the sample counts some keys whole and misses the others: the table's largest keys may not be among them. A full scan finds them.`,
    );
  } else {
    lines.push(
      `Based on a sample of ${items} table items, counted by the index key: the table's storage order does not follow the index key, so the sample holds about the same share of every index key's items.`,
    );
  }
  const confirmation = context.confirmation;
  if (confirmation && confirmation.candidates > 0) {
    const what = context.sampling === "whole-keys" ? "keys the sample stopped inside" : "keys with the largest estimates";
    const left = confirmation.candidates - confirmation.confirmed;
    lines.push(
      `Then ${formatCount(confirmation.confirmed)} of ${formatCount(confirmation.candidates)} ${what} were counted exactly with COUNT queries (${formatCount(confirmation.queries)} queries, ${formatRcu(confirmation.rcuUsed)} RCU)` +
        (left > 0 ? `; ${formatCount(left)} ${left === 1 ? "was" : "were"} not finished before ${confirmation.stopReason === "budget" ? "the budget ran out" : `the read stopped (${confirmation.stopReason})`}.` : "."),
    );
  }
  const stopped = STOPPED_BECAUSE[context.scan.stopReason];
  if (stopped) lines.push(`The read stopped early because ${stopped}.`);
  if (summary.counting.mode === "summary") {
    lines.push(
      `More than ${formatCount(summary.counting.exactKeyCap)} distinct keys: from then on the counts come from a summary of ${formatCount(summary.counting.summaryCounters)} keys, so the top keys' figures are upper bounds (see maxOverestimate), the shares and Gini are approximate, and the distinct key count is an estimate.`,
    );
  }
  return lines;
}
