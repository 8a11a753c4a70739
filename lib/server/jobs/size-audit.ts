import "server-only";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { LsiProjection } from "@/lib/dynamo/item-size";
import type { SizeAuditJob, SizeAuditParams, SizeAuditResult } from "@/lib/jobs/job-types";
import { SizeAuditAccumulator, type AuditTable } from "@/lib/jobs/size-audit-accumulator";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { describeTable } from "@/lib/server/tables/describe-table";
import { budgetedScan } from "./budgeted-scan";
import { scanProgress } from "./scan-progress";
import { jobRegistry, type JobOutcome, type JobRegistry, type JobRunContext } from "./job-registry";

export type SizeAuditOptions = {
  /** Defaults to the jobs client; tests pass one pointed at the metering proxy. */
  client?: DynamoDBClient;
  registry?: JobRegistry;
  maxPageLimit?: number;
};

/**
 * Starts a size audit of an exposed table (a hidden or missing one is a 404) as a background job and returns its
 * first snapshot. Only an in-memory job is created; the table is only read.
 */
export async function startSizeAudit(scope: Scope, tableName: string, params: SizeAuditParams, options: SizeAuditOptions = {}): Promise<SizeAuditJob> {
  const table = await describeTable(scope, tableName);
  const registry = options.registry ?? jobRegistry();
  const initial = scanProgress(params, table.itemCount, { itemsRead: 0, rcuUsed: 0, pages: 0, maxPageRcu: 0, segmentsDone: 0, segments: params.segments });
  return registry.start("size-audit", scope, tableName, params, (context) => runSizeAudit(scope, table, params, context, options), initial);
}

/** The audit itself: one budgeted Scan feeding a bounded-memory accumulator. Returns a partial result when stopped early. */
export async function runSizeAudit(scope: Scope, table: TableDetail, params: SizeAuditParams, context: JobRunContext, options: SizeAuditOptions = {}): Promise<JobOutcome<SizeAuditResult>> {
  const accumulator = new SizeAuditAccumulator(auditTable(table), { mode: params.mode, thresholdBytes: params.thresholdBytes });
  const scan = await budgetedScan({
    scope,
    table: table.name,
    segments: params.segments,
    rcuBudget: params.rcuBudget,
    rcuPerSecond: params.rcuPerSecond,
    targetItems: params.mode === "sample" ? (params.sampleSize ?? null) : null,
    maxPageLimit: options.maxPageLimit,
    signal: context.signal,
    client: options.client,
    onPage: (items, segment) => {
      for (const item of items) accumulator.add(item, segment);
    },
    onSegmentEnd: (segment) => accumulator.endSegment(segment),
    onProgress: (progress) => context.report(scanProgress(params, table.itemCount, progress)),
  });
  const result = accumulator.result({ itemsRead: scan.itemsRead, rcuUsed: scan.rcuUsed, pagesRead: scan.pages, maxPageRcu: scan.maxPageRcu, stopReason: scan.stopReason });
  return { result, stopReason: scan.stopReason, throttle: scan.throttle };
}


const PROJECTIONS = new Set(["ALL", "KEYS_ONLY", "INCLUDE"] as const);

function auditTable(table: TableDetail): AuditTable {
  const lsis = table.lsis.flatMap((lsi): Array<LsiProjection & { name: string }> => {
    if (!lsi.keys.sortKey) return [];
    const type = lsi.projection.type;
    // An unknown projection type is sized as ALL, the largest copy, so the limit is never understated.
    const known = [...PROJECTIONS].find((candidate) => candidate === type) ?? "ALL";
    return [{ name: lsi.name, sortKey: lsi.keys.sortKey.name, projection: { type: known, nonKeyAttributes: lsi.projection.nonKeyAttributes } }];
  });
  return {
    keys: { partitionKey: table.keys.partitionKey.name, sortKey: table.keys.sortKey?.name ?? null },
    lsis,
    itemCount: table.itemCount,
    sizeBytes: table.sizeBytes,
  };
}
