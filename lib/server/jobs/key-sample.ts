import "server-only";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { itemSize } from "@/lib/dynamo/item-size";
import { formatCount } from "@/lib/format/format-count";
import type { KeySampleJob, KeySampleParams, KeySampleRequest, KeySampleResult } from "@/lib/jobs/job-types";
import { planKeySample, type KeySamplePlan } from "@/lib/jobs/key-sample-plan";
import { keySampleResult } from "@/lib/jobs/key-sample-result";
import { KeySkewAggregator, type KeySkewAggregatorOptions } from "@/lib/jobs/key-skew-aggregator";
import { keyIdOf } from "@/lib/jobs/partition-key-id";
import type { Scope } from "@/lib/scope/scope";
import { describeTable } from "@/lib/server/tables/describe-table";
import { budgetedScan } from "./budgeted-scan";
import { CONFIRM_BUDGET_SHARE, confirmTopKeys, withEstimates } from "./key-sample-confirm";
import { scanProgress } from "./scan-progress";
import { jobRegistry, type JobOutcome, type JobRegistry, type JobRunContext } from "./job-registry";
import { recentThrottling, type RecentThrottling } from "./recent-throttling";

export type KeySampleOptions = {
  /** Defaults to the jobs client; tests pass one pointed at the metering proxy. */
  client?: DynamoDBClient;
  registry?: JobRegistry;
  maxPageLimit?: number;
  /** Tests lower the exact-count cap to exercise the bounded summary. */
  aggregator?: KeySkewAggregatorOptions;
  /** Defaults to the table's throttle metrics in CloudWatch over the last hour. */
  checkRecentThrottling?: (scope: Scope, table: string) => Promise<RecentThrottling>;
};

/**
 * Starts a key sample of an exposed table (a hidden or missing one is a 404) as a background job and returns its first
 * snapshot. Refuses with a 409 when the table throttled in the last hour, unless the request acknowledges it: a sample
 * adds read load to a table that is already short of capacity. Only an in-memory job is created; the table is only read.
 */
export async function startKeySample(scope: Scope, tableName: string, request: KeySampleRequest, options: KeySampleOptions = {}): Promise<KeySampleJob> {
  const table = await describeTable(scope, tableName);
  const plan = planKeySample(table, request);
  const acknowledged = request.acknowledgeRecentThrottling === true;
  const throttling = await (options.checkRecentThrottling ?? recentThrottling)(scope, table.name);
  const warnings: string[] = [];
  if (!throttling.checked) {
    warnings.push(`Recent throttling could not be checked, so the sample started without that check: ${throttling.reason}`);
  } else if (throttling.events > 0) {
    const times = `${formatCount(throttling.events)} ${throttling.events === 1 ? "time" : "times"}`;
    if (!acknowledged) {
      throw new AppError(
        "CONFLICT",
        `Table ${table.name} throttled ${times} in the last hour (read and write throttle events of the table and its GSIs); sampling adds read load. Resend with "acknowledgeRecentThrottling": true to proceed.`,
      );
    }
    warnings.push(`Table ${table.name} throttled ${times} in the last hour; the sample was started anyway (acknowledgeRecentThrottling).`);
  }
  const params: KeySampleParams = {
    kind: "key-sample",
    mode: request.mode,
    ...(request.sampleSize === undefined ? {} : { sampleSize: request.sampleSize }),
    rcuBudget: request.rcuBudget,
    rcuPerSecond: plan.rateLimit.rcuPerSecond,
    segments: request.segments,
    index: request.index ?? null,
    acknowledgeRecentThrottling: acknowledged,
  };
  const registry = options.registry ?? jobRegistry();
  const initial = scanProgress(params, plan.coverage.itemCount, { itemsRead: 0, rcuUsed: 0, pages: 0, maxPageRcu: 0, segmentsDone: 0, segments: params.segments });
  return registry.start("key-sample", scope, table.name, params, (context) => runKeySample(scope, table.name, params, plan, warnings, context, options), initial);
}

/**
 * The sample itself: one budgeted Scan feeding a bounded-memory per-key aggregator, then, in sample mode, Select COUNT
 * Queries that confirm the top candidates with what is left of the budget. Returns a partial result when stopped early.
 */
export async function runKeySample(
  scope: Scope,
  table: string,
  params: KeySampleParams,
  plan: KeySamplePlan,
  warnings: string[],
  context: JobRunContext,
  options: KeySampleOptions = {},
): Promise<JobOutcome<KeySampleResult>> {
  const aggregator = new KeySkewAggregator(options.aggregator);
  const sample = params.mode === "sample";
  const scan = await budgetedScan({
    scope,
    table,
    index: plan.scanIndex,
    segments: params.segments,
    // A sample keeps part of its budget for the COUNT queries that confirm its top candidates.
    rcuBudget: sample ? params.rcuBudget * (1 - CONFIRM_BUDGET_SHARE) : params.rcuBudget,
    rcuPerSecond: params.rcuPerSecond,
    targetItems: sample ? (params.sampleSize ?? null) : null,
    maxPageLimit: options.maxPageLimit,
    signal: context.signal,
    client: options.client,
    onPage: (items) => {
      for (const item of items) {
        const entry = plan.entryOf(item);
        const id = entry && keyIdOf(entry[plan.partitionKey]);
        if (entry && id) aggregator.add(id, itemSize(entry));
      }
    },
    onProgress: (progress) => context.report(scanProgress(params, plan.coverage.itemCount, progress)),
  });
  const summary = aggregator.summary();
  // Confirming is worth it only when the Scan ended normally; a throttle or a cancel stops the job at once.
  const confirmed =
    sample && !["throttled", "cancelled"].includes(scan.stopReason)
      ? await confirmTopKeys({
          scope,
          table,
          plan,
          aggregator,
          summary,
          stoppedAt: scan.stoppedAt,
          itemsRead: scan.itemsRead,
          rcuBudget: params.rcuBudget - scan.rcuUsed,
          rcuPerSecond: params.rcuPerSecond,
          signal: context.signal,
          client: options.client,
          onPage: (() => {
            let counted = 0;
            return (rcu: number) => {
              counted += rcu;
              context.report(scanProgress(params, plan.coverage.itemCount, { ...scan, rcuUsed: scan.rcuUsed + counted }));
            };
          })(),
        })
      : null;
  const stopReason = confirmed?.confirmation.stopReason === "throttled" ? "throttled" : confirmed?.confirmation.stopReason === "cancelled" ? "cancelled" : scan.stopReason;
  const estimates = confirmed?.estimates ?? new Map();
  const result = keySampleResult(
    { ...summary, topByItems: withEstimates(summary.topByItems, estimates), topByBytes: withEstimates(summary.topByBytes, estimates) },
    {
      mode: params.mode,
      index: params.index,
      partitionKey: plan.partitionKey,
      sampling: plan.sampling,
      scan: { itemsRead: scan.itemsRead, rcuUsed: scan.rcuUsed + (confirmed?.confirmation.rcuUsed ?? 0), pagesRead: scan.pages, maxPageRcu: scan.maxPageRcu, stopReason },
      rcuBudget: params.rcuBudget,
      rateLimit: plan.rateLimit,
      coverage: plan.coverage,
      warnings,
      confirmation: confirmed?.confirmation ?? null,
    },
  );
  return { result, stopReason, throttle: scan.throttle ?? confirmed?.throttle ?? null };
}

