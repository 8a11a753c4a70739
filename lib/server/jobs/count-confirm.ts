import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { QueryCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { countPageBytes, type CountTally } from "@/lib/jobs/key-estimate";
import type { KeyConfirmation, ThrottleInfo } from "@/lib/jobs/job-types";
import { scanRequestRcu } from "@/lib/items/spread-scan-plan";
import type { Scope } from "@/lib/scope/scope";
import { dynamodbForJobs } from "@/lib/server/aws/clients";
import { throttleInfo } from "./throttle-error";

/** Items a COUNT page may examine; DynamoDB also stops a page at 1 MB. */
const COUNT_PAGE_LIMIT = 1_000;

export type CountCandidate = {
  id: string;
  /** The partition key value to count (of the table, or of the index). */
  value: AttributeValue;
  /** Continue after this key (the table's own key: where the sample's segment stopped); none to count from the start. */
  startKey?: Record<string, AttributeValue>;
  /** Bytes per item, from the sample, to size pages to the budget. */
  bytesPerItem: number;
};

export type ConfirmCountsOptions = {
  scope: Scope;
  table: string;
  /** Count by this GSI's partition key instead of the table's. */
  index: string | null;
  partitionKey: string;
  candidates: readonly CountCandidate[];
  rcuBudget: number;
  rcuPerSecond: number;
  signal: AbortSignal;
  client?: DynamoDBClient;
  onPage?: (rcu: number) => void;
};

export type ConfirmCountsResult = {
  tallies: Map<string, CountTally>;
  queries: number;
  rcuUsed: number;
  stopReason: KeyConfirmation["stopReason"];
  throttle: ThrottleInfo | null;
};

/**
 * Counts each candidate key exactly with Select COUNT Queries, largest candidate first, one page at a time:
 * eventually consistent, an explicit Limit (DynamoDB Local would otherwise load every remaining row), and
 * ReturnConsumedCapacity TOTAL on every page. COUNT is charged like reading the items (bytes examined, before any
 * projection), so the RCU budget and the rate limit are enforced from the capacity each page reports; a page is sized
 * so its estimated cost fits what is left, and nothing starts once less than one 0.5 RCU page is left. Stops at once on
 * a throttle or a cancel, keeping what was counted.
 */
export async function confirmCounts(options: ConfirmCountsOptions): Promise<ConfirmCountsResult> {
  const client = options.client ?? dynamodbForJobs(options.scope);
  const tallies = new Map<string, CountTally>();
  const result: ConfirmCountsResult = { tallies, queries: 0, rcuUsed: 0, stopReason: "done", throttle: null };
  let nextSendAt = Date.now();
  for (const candidate of options.candidates) {
    const tally: CountTally = { items: 0, bytesLow: 0, bytesHigh: 0, queries: 0, rcu: 0, complete: false };
    let startKey = candidate.startKey;
    while (!tally.complete) {
      if (options.signal.aborted) return { ...result, stopReason: "cancelled" };
      const left = options.rcuBudget - result.rcuUsed;
      const perItem = Math.max(1, candidate.bytesPerItem);
      // The most items whose estimated charge fits in what is left of the budget (0.5 RCU per 4 KB).
      const limit = Math.min(COUNT_PAGE_LIMIT, Math.floor(((left * 2) * 4096) / perItem));
      if (left < scanRequestRcu(0) || limit < 1) return { ...result, stopReason: "budget" };
      const wait = nextSendAt - Date.now();
      if (wait > 0) await pause(wait, options.signal);
      if (options.signal.aborted) return { ...result, stopReason: "cancelled" };
      let page;
      try {
        page = await client.send(
          new QueryCommand({
            TableName: options.table,
            IndexName: options.index ?? undefined,
            KeyConditionExpression: "#pk = :pk",
            ExpressionAttributeNames: { "#pk": options.partitionKey },
            ExpressionAttributeValues: { ":pk": candidate.value },
            Select: "COUNT",
            Limit: limit,
            ExclusiveStartKey: startKey,
            ConsistentRead: false,
            ReturnConsumedCapacity: "TOTAL",
          }),
          { abortSignal: options.signal },
        );
      } catch (error) {
        const throttle = throttleInfo(error);
        if (throttle) return { ...result, stopReason: "throttled", throttle };
        if (options.signal.aborted) return { ...result, stopReason: "cancelled" };
        throw error;
      }
      const rcu = page.ConsumedCapacity?.CapacityUnits ?? scanRequestRcu(limit * perItem);
      const bytes = countPageBytes(rcu);
      tally.items += page.Count ?? 0;
      tally.bytesLow += bytes.low;
      tally.bytesHigh += bytes.high;
      tally.queries++;
      tally.rcu += rcu;
      tallies.set(candidate.id, tally);
      result.queries++;
      result.rcuUsed += rcu;
      options.onPage?.(rcu);
      nextSendAt = Math.max(nextSendAt, Date.now()) + (rcu / options.rcuPerSecond) * 1000;
      startKey = page.LastEvaluatedKey;
      tally.complete = !startKey;
    }
  }
  return result;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
