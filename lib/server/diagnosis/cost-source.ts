import "server-only";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { costSummary, type FleetCost } from "@/lib/cost/cost-summary";
import { costRangeSchema, DEFAULT_COST_RANGE } from "@/lib/cost/cost-range";
import type { CostResponse } from "@/lib/cost/cost-types";
import type { DiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import type { Scope } from "@/lib/scope/scope";
import { tableCostFor } from "@/lib/server/cost/table-cost-data";
import { settle } from "./alarms-source";
import { sourceFailure } from "./diagnosis-sources";

export type CostSource = { cost: CostResponse | null; inputs: NonNullable<DiagnosisInputs["cost"]>; fleet: FleetCost };

/**
 * Tables costed at a time. Each reads up to 14 days of per-minute CloudWatch data (a GetMetricData call or two per
 * table and its GSIs), so a fleet of a hundred tables costs a hundred-odd calls, kept well under GetMetricData's
 * 50 a second; the results are shared five minutes with every table page (table-cost-data.ts).
 */
const COST_CONCURRENCY = 4;

const DEFAULT_RANGE = costRangeSchema.parse(DEFAULT_COST_RANGE);

/**
 * The capacity-mode verdict's input for some tables of one scope, read the same way for a table page (one table),
 * the overview and /fleet (all of them): the Cost section's own 14-day answer. The cost is about the table now, not
 * the diagnosis window, so a past incident's diagnosis gives the same capacity-mode verdict as today's. Failing is a
 * missing input (the overview then names "capacity mode cost" as not checked), never a failed diagnosis.
 */
export async function costSources(scope: Scope, tableNames: readonly string[], nowMs: number): Promise<Map<string, CostSource>> {
  const settled = await mapWithConcurrency(tableNames, COST_CONCURRENCY, (name) => settle(tableCostFor(scope, name, DEFAULT_RANGE, nowMs)));
  const sources = new Map<string, CostSource>();
  tableNames.forEach((name, position) => {
    const read = settled[position];
    if (read?.status === "fulfilled") {
      sources.set(name, { cost: read.value.cost, inputs: { ok: true }, fleet: { ok: true, ...costSummary(read.value.cost) } });
      return;
    }
    const error = sourceFailure(read?.reason, "The cost advisor");
    sources.set(name, { cost: null, inputs: { ok: false, error }, fleet: { ok: false, error } });
  });
  return sources;
}
