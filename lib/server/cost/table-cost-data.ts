import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { costHistory, coveredWindow, type FetchedResource } from "@/lib/cost/cost-history";
import { costWindow, type CostRange } from "@/lib/cost/cost-range";
import type { CostResponse } from "@/lib/cost/cost-types";
import { CostPricesUnavailableError, tableCost } from "@/lib/cost/table-cost";
import type { ScalingBounds } from "@/lib/cost/capacity-simulation";
import { dimensionKind, resourceIndex } from "@/lib/scaling/table-targets";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { fetchMetricData, type MetricPoints, type MetricQuery } from "@/lib/server/metrics/get-metric-data";
import { scopeScalingSettings, type ScopeSettings } from "@/lib/server/scaling/scope-scaling";
import { describeTable } from "@/lib/server/tables/describe-table";
import { sourceFailure } from "@/lib/server/diagnosis/diagnosis-sources";
import { priceTable } from "./prices";

/*
 * What one table costs over up to 14 days of its CloudWatch history (issue 16). The table page's Cost section, its
 * diagnosis, the overview and /fleet all read this one cached answer, so they cannot disagree: a month estimated from
 * two weeks changes little in five minutes, and 20,160 minutes × 4 series per table and GSI is the heaviest CloudWatch
 * read the product makes.
 */

const COST_TTL_MS = 5 * 60_000;
/** A failure (CloudWatch throttling, say) is asked again at most this often, not once per viewer. */
const FAILURE_TTL_MS = 30_000;
const cache = new TtlCache<CostResult>(2_000, Date.now, FAILURE_TTL_MS);

const PERIOD_SECONDS = 60;

export type CostResult = { cost: CostResponse; cloudWatchCalls: number };

type Resource = { index: string | null; provisioned: { read: number; write: number } | null; sizeBytes: number | null; onDemandMax: { read: number | null; write: number | null } | null };

function resourcesOf(detail: TableDetail): Resource[] {
  return [
    { index: null, provisioned: detail.provisioned, sizeBytes: detail.sizeBytes, onDemandMax: detail.onDemandMax },
    ...detail.gsis.map((gsi) => ({ index: gsi.name, provisioned: gsi.provisioned, sizeBytes: gsi.sizeBytes, onDemandMax: gsi.onDemandMax })),
  ];
}

const dimensionsOf = (table: string, index: string | null) => [{ name: "TableName", value: table }, ...(index === null ? [] : [{ name: "GlobalSecondaryIndexName", value: index }])];

/** Per resource: consumed reads and writes (Sum), and for a provisioned table the capacity (Average), all per minute. */
function costQueries(detail: TableDetail): MetricQuery[] {
  const provisioned = detail.billingMode === "PROVISIONED";
  return resourcesOf(detail).flatMap(({ index }) => {
    const dimensions = dimensionsOf(detail.name, index);
    const key = (metric: string) => JSON.stringify([index, metric]);
    const query = (metric: string, stat: string): MetricQuery => ({ key: key(metric), metric, stat, dimensions, periodSeconds: PERIOD_SECONDS });
    return [
      query("ConsumedReadCapacityUnits", "Sum"),
      query("ConsumedWriteCapacityUnits", "Sum"),
      ...(provisioned ? [query("ProvisionedReadCapacityUnits", "Average"), query("ProvisionedWriteCapacityUnits", "Average")] : []),
    ];
  });
}

/** Each resource's auto scaling minimum and maximum, where a scalable target manages it. */
function boundsOf(settings: ScopeSettings | null, table: string): Map<string | null, { read?: ScalingBounds; write?: ScalingBounds }> {
  const bounds = new Map<string | null, { read?: ScalingBounds; write?: ScalingBounds }>();
  for (const target of settings?.targets ?? []) {
    const index = resourceIndex(target.resourceId, table);
    if (index === undefined) continue;
    bounds.set(index, { ...bounds.get(index), [dimensionKind(target.dimension)]: { min: target.minCapacity, max: target.maxCapacity } });
  }
  return bounds;
}

const EMPTY: MetricPoints = { timestamps: [], values: [] };

async function computeCost(scope: Scope, tableName: string, range: CostRange, nowMs: number): Promise<CostResult> {
  const detail = await describeTable(scope, tableName);
  const prices = priceTable();
  const requested = costWindow(nowMs, range.ms);
  const notes: string[] = [];
  const provisioned = detail.billingMode === "PROVISIONED";
  let settings: ScopeSettings | null = null;
  if (provisioned) {
    try {
      settings = await scopeScalingSettings(scope, nowMs);
    } catch (error) {
      // The cost still stands on the capacity CloudWatch reports; only the auto scaling bounds are unknown.
      notes.push(`Auto scaling could not be read (${sourceFailure(error, "Application Auto Scaling")}), so the auto scaling option uses the default bounds and the current setup is priced as fixed capacity.`);
    }
  }
  const { points, calls } = await fetchMetricData(scope, costQueries(detail), { startMs: requested.start, endMs: requested.end });
  const bounds = boundsOf(settings, detail.name);
  const fetched = resourcesOf(detail).map((resource): FetchedResource => {
    const series = (metric: string) => points.get(JSON.stringify([resource.index, metric])) ?? EMPTY;
    return {
      index: resource.index,
      consumedRead: series("ConsumedReadCapacityUnits"),
      consumedWrite: series("ConsumedWriteCapacityUnits"),
      ...(provisioned ? { provisionedRead: series("ProvisionedReadCapacityUnits"), provisionedWrite: series("ProvisionedWriteCapacityUnits") } : {}),
      currentCapacity: resource.provisioned,
      storageBytes: resource.sizeBytes,
      onDemandMaximum: resource.onDemandMax,
      scalingBounds: bounds.get(resource.index) ?? null,
    };
  });
  const createdAt = detail.createdAt ? Date.parse(detail.createdAt) : null;
  const covered = coveredWindow(requested, Number.isFinite(createdAt) ? createdAt : null, fetched);
  const history = costHistory(covered.window, fetched, provisioned);
  try {
    const cost = tableCost({
      table: detail.name,
      window: history.window,
      region: scope.region,
      tableClass: detail.tableClass === "STANDARD_INFREQUENT_ACCESS" ? "STANDARD_INFREQUENT_ACCESS" : "STANDARD",
      billingMode: detail.billingMode,
      autoScaling: bounds.size > 0,
      resources: history.resources,
      storageBytes: history.storageBytes,
      prices,
      now: nowMs,
      requestedRangeMs: range.ms,
      notes: [...covered.notes, ...notes, ...history.notes],
    });
    return { cost, cloudWatchCalls: calls };
  } catch (error) {
    if (error instanceof CostPricesUnavailableError) throw new AppError("CONFLICT", `${error.message} ${error.hint}`);
    throw error;
  }
}

/** The table's cost over `range` up to the last whole minute, shared by every caller for five minutes. */
export async function tableCostFor(scope: Scope, tableName: string, range: CostRange, nowMs: number = Date.now()): Promise<CostResult & { cached: boolean }> {
  const { value, outcome } = await cache.lookup(JSON.stringify([scopeKey(scope), tableName, range.ms]), COST_TTL_MS, () => computeCost(scope, tableName, range, nowMs));
  return { ...value, cached: outcome !== "miss" };
}
