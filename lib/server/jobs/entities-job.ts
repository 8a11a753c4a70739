import "server-only";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { itemSize } from "@/lib/dynamo/item-size";
import { EntityAccumulator } from "@/lib/entities/entity-accumulator";
import type { EntityCaps, EntityModel } from "@/lib/entities/entity-types";
import type { EntitiesJob, EntitiesParams, EntitiesRequest, EntitiesResponse } from "@/lib/entities/entities-job-types";
import { entityTableShape } from "@/lib/entities/entity-table-shape";
import { defaultKeySampleRate } from "@/lib/jobs/key-sample-rate";
import type { Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import { presentJob } from "@/lib/server/auth/present-keys";
import { describeTable } from "@/lib/server/tables/describe-table";
import type { TableDetail } from "@/lib/tables/table-detail";
import { budgetedScan } from "./budgeted-scan";
import { jobRegistry, type JobOutcome, type JobRegistry, type JobRunContext } from "./job-registry";
import { scanProgress } from "./scan-progress";

export type EntitiesJobOptions = {
  /** Defaults to the jobs client; tests pass one pointed at the metering proxy. */
  client?: DynamoDBClient;
  registry?: JobRegistry;
  maxPageLimit?: number;
  /** Tests and the bench lower the caps to exercise the bounded summaries. */
  caps?: Partial<EntityCaps>;
};

/**
 * Starts an entity job on an exposed table (a hidden or missing one is a 404) and returns its first snapshot. It runs
 * at the key sample's default rate unless the request names one: a small share of the provisioned reads, or a fixed
 * rate on on-demand tables. Only an in-memory job is created; the table is only read (Scan).
 */
export async function startEntities(scope: Scope, tableName: string, request: EntitiesRequest, options: EntitiesJobOptions = {}): Promise<EntitiesJob> {
  const table = await describeTable(scope, tableName);
  const rate =
    request.rcuPerSecond !== undefined
      ? { rcuPerSecond: request.rcuPerSecond, source: "request" as const }
      : defaultKeySampleRate(table.billingMode === "PAY_PER_REQUEST" ? null : (table.provisioned?.read ?? null));
  const params: EntitiesParams = {
    kind: "entities",
    mode: request.mode,
    ...(request.sampleSize === undefined ? {} : { sampleSize: request.sampleSize }),
    rcuBudget: request.rcuBudget,
    rcuPerSecond: rate.rcuPerSecond,
    rateSource: rate.source,
    segments: request.segments,
    entityAttribute: request.entityAttribute ?? null,
  };
  const registry = options.registry ?? jobRegistry();
  const initial = scanProgress(params, table.itemCount, { itemsRead: 0, rcuUsed: 0, pages: 0, maxPageRcu: 0, segmentsDone: 0, segments: params.segments });
  return registry.start("entities", scope, table.name, params, (context) => runEntities(scope, table, params, context, options), initial);
}

/**
 * The job itself: one budgeted parallel Scan feeding every item and its size (DynamoDB's item-size rules) to the
 * bounded-memory entity accumulator. The model is exact only when the Scan read the whole table; on a sample, budget,
 * throttle or cancel it is scaled to the table's ItemCount (refreshed by DynamoDB about every six hours) with bounds.
 */
export async function runEntities(scope: Scope, table: TableDetail, params: EntitiesParams, context: JobRunContext, options: EntitiesJobOptions = {}): Promise<JobOutcome<EntityModel>> {
  const accumulator = new EntityAccumulator(entityTableShape(table), { entityAttribute: params.entityAttribute, ...(options.caps ? { caps: options.caps } : {}) });
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
    onPage: (items) => {
      for (const item of items) accumulator.add(item, itemSize(item));
    },
    onProgress: (progress) => context.report(scanProgress(params, table.itemCount, progress)),
  });
  const result = accumulator.result({ complete: scan.stopReason === "end", tableItemCount: table.itemCount });
  return { result, stopReason: scan.stopReason, throttle: scan.throttle };
}

/** GET /api/tables/:table/entities: the table's latest entity job as this caller may see it (keys digested for viewers). */
export async function latestEntities(scope: Scope, tableName: string, access: Access): Promise<EntitiesResponse> {
  // Hidden and missing tables get the same 404 as everywhere else.
  const table = await describeTable(scope, tableName);
  const latest = jobRegistry().latest(scope, table.name, "entities");
  return { table: table.name, job: latest ? (presentJob(latest, access) as EntitiesJob) : null, keysDigested: access.digestsKeys };
}
