import "server-only";
import type { Scope } from "@/lib/scope/scope";
import { setTimeout as sleep } from "node:timers/promises";
import { ScanCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { itemSize } from "@/lib/dynamo/item-size";
import type { ThrottleInfo } from "@/lib/jobs/job-types";
import { MIN_PAGE_RCU, ScanPlanner, type PagePlan } from "@/lib/jobs/scan-planner";
import { dynamodbForJobs } from "@/lib/server/aws/clients";
import { throttleInfo } from "./throttle-error";

export type ScanStopReason = "end" | "sample-size" | "budget" | "throttled" | "cancelled";

export type BudgetedScanProgress = {
  itemsRead: number;
  rcuUsed: number;
  pages: number;
  /** The most one page cost: the most the budget can be overshot by. */
  maxPageRcu: number;
  segmentsDone: number;
  segments: number;
};

export type BudgetedScanResult = BudgetedScanProgress & {
  stopReason: ScanStopReason;
  throttle: ThrottleInfo | null;
  /** Where each segment that was not read to its end stopped: its LastEvaluatedKey (the last item read), by segment. */
  stoppedAt: Array<{ segment: number; lastKey: Record<string, AttributeValue> }>;
};

export type BudgetedScanOptions = {
  /** The account and region of the table; picks the jobs client unless `client` is given. */
  scope: Scope;
  table: string;
  /** Scan this secondary index of the table instead of the table itself. */
  index?: string | null;
  /** Parallel Scan segments (TotalSegments), 1..16 here; DynamoDB allows up to 1,000,000. */
  segments: number;
  rcuBudget: number;
  rcuPerSecond: number;
  /** Sample mode: stop once this many items are read, taken evenly from the segments. */
  targetItems?: number | null;
  /** Cap on each page's Limit. */
  maxPageLimit?: number;
  signal: AbortSignal;
  /** Pages of one segment arrive in order, so a segment's items are seen in storage order. */
  onPage: (items: Record<string, AttributeValue>[], segment: number) => void;
  /** The segment was read to its end. */
  onSegmentEnd?: (segment: number) => void;
  onProgress?: (progress: BudgetedScanProgress) => void;
  /** Defaults to the jobs client (read-only, one attempt); tests pass one pointed at the metering proxy. */
  client?: DynamoDBClient;
};

type SegmentState = { index: number; startKey: Record<string, AttributeValue> | undefined; done: boolean; busy: boolean; items: number };

/**
 * The safe way to read a live table (REFERENCE.md, "Safe sampling of a live table"): a parallel, eventually
 * consistent Scan in small pages (an explicit Limit also keeps DynamoDB Local from loading every remaining row),
 * with a hard RCU budget and a rate limit both driven by the ConsumedCapacity DynamoDB reports. It stops at once on
 * any throttle and reports why instead of throwing; only unexpected errors are thrown.
 */
export async function budgetedScan(options: BudgetedScanOptions): Promise<BudgetedScanResult> {
  const client = options.client ?? dynamodbForJobs(options.scope);
  const planner = new ScanPlanner({ rcuBudget: options.rcuBudget, rcuPerSecond: options.rcuPerSecond, targetItems: options.targetItems ?? null, maxPageLimit: options.maxPageLimit });
  // Aborted on cancel, on a throttle and on a failure, so in-flight requests and the pacing wait end with it.
  const stopAll = new AbortController();
  const forwardAbort = () => stopAll.abort();
  options.signal.addEventListener("abort", forwardAbort, { once: true });
  if (options.signal.aborted) stopAll.abort();

  const segments: SegmentState[] = Array.from({ length: options.segments }, (_, index) => ({ index, startKey: undefined, done: false, busy: false, items: 0 }));
  const inFlight = new Set<Promise<void>>();
  const stats = { pages: 0, maxPageRcu: 0, segmentsDone: 0 };
  // Set from inside readPage; an object, so the checks after the loop are not narrowed away.
  const ending: { throttle: ThrottleInfo | null; failure: { error: unknown } | null } = { throttle: null, failure: null };
  let decided: ScanStopReason | null = null;

  const progress = (): BudgetedScanProgress => ({ itemsRead: planner.itemsRead, rcuUsed: planner.rcuUsed, ...stats, segments: options.segments });

  async function readPage(segment: SegmentState, page: PagePlan): Promise<void> {
    segment.busy = true;
    planner.started(page, Date.now());
    let accounted = false;
    try {
      const output = await client.send(
        new ScanCommand({
          TableName: options.table,
          IndexName: options.index ?? undefined,
          Segment: segment.index,
          TotalSegments: options.segments,
          Limit: page.limit,
          ExclusiveStartKey: segment.startKey,
          ConsistentRead: false,
          ReturnConsumedCapacity: "TOTAL",
        }),
        { abortSignal: stopAll.signal },
      );
      const items = output.Items ?? [];
      const rcu = output.ConsumedCapacity?.CapacityUnits ?? scanCharge(items);
      planner.finished(page, { rcu, items: items.length });
      accounted = true;
      stats.pages++;
      stats.maxPageRcu = Math.max(stats.maxPageRcu, rcu);
      segment.items += items.length;
      segment.startKey = output.LastEvaluatedKey;
      options.onPage(items, segment.index);
      if (!output.LastEvaluatedKey) {
        segment.done = true;
        stats.segmentsDone++;
        options.onSegmentEnd?.(segment.index);
      }
      options.onProgress?.(progress());
    } catch (error) {
      if (!accounted) planner.abandoned(page);
      const throttled = throttleInfo(error);
      if (throttled) ending.throttle ??= throttled;
      else if (!stopAll.signal.aborted) ending.failure ??= { error };
      // else: aborted because the job was cancelled or another request was throttled; nothing to report.
      stopAll.abort();
    } finally {
      segment.busy = false;
    }
  }

  try {
    while (!stopAll.signal.aborted) {
      const ready = segments.filter((segment) => !segment.done && !segment.busy);
      if (ready.length === 0 && inFlight.size === 0) break;
      const decision = ready.length === 0 ? ({ kind: "wait" } as const) : planner.plan(inFlight.size);
      if (decision.kind === "stop") {
        decided = decision.reason;
        break;
      }
      if (decision.kind === "wait") {
        // The planner only says "wait" while pages are in flight; racing an empty set would never settle.
        if (inFlight.size === 0) {
          ending.failure ??= { error: new Error("budgetedScan: the planner asked to wait with no page in flight") };
          break;
        }
        await Promise.race(inFlight);
        continue;
      }
      const delay = planner.delayMs(Date.now());
      if (delay > 0) {
        await pause(delay, stopAll.signal);
        continue;
      }
      // The segment with the fewest items read goes next, so a sample is spread across the key space.
      const segment = ready.reduce((best, candidate) => (candidate.items < best.items ? candidate : best));
      const pending: Promise<void> = readPage(segment, decision.page).finally(() => inFlight.delete(pending));
      inFlight.add(pending);
    }
    await Promise.all(inFlight);
  } finally {
    options.signal.removeEventListener("abort", forwardAbort);
  }

  if (ending.failure) throw ending.failure.error;
  const { throttle } = ending;
  const stopReason: ScanStopReason = throttle
    ? "throttled"
    : options.signal.aborted
      ? "cancelled"
      : stats.segmentsDone === options.segments
        ? "end"
        : (decided ?? "end");
  const stoppedAt = segments.flatMap((segment) => (segment.startKey && !segment.done ? [{ segment: segment.index, lastKey: segment.startKey }] : []));
  return { ...progress(), stopReason, throttle, stoppedAt };
}

/** Waits for the rate limit; ends early, without error, when the read is stopped (the loop then sees the abort). */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

/** What a Scan without a filter is charged, should a response lack ConsumedCapacity: bytes rounded up to 4 KB, halved. */
function scanCharge(items: Record<string, AttributeValue>[]): number {
  const bytes = items.reduce((sum, item) => sum + itemSize(item), 0);
  return Math.max(MIN_PAGE_RCU, Math.ceil(bytes / 4096) * MIN_PAGE_RCU);
}
