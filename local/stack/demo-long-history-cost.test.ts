import { beforeAll, describe, expect, it } from "vitest";
import { bestAlternative } from "@/lib/cost/cost-summary";
import type { CostResponse } from "@/lib/cost/cost-types";
import { BUILT_IN_PRICE_TABLE } from "@/lib/cost/price-table";
import { tableCost } from "@/lib/cost/table-cost";
import type { CostResource, TableCostInput } from "@/lib/cost/table-cost-input";
import { capacityModeVerdicts } from "@/lib/diagnosis/cost-rules";
import { publishDemoBaselines } from "./demo-baselines";
import { demoHomeModels, SummingSink } from "./demo-long-history-fixtures";
import { DEMO_LONG_HISTORY_MS, demoLongHistory } from "./demo-long-history";
import { publishLongHistory } from "../workload/long-history-samples";
import { DEMO_SCALING } from "./demo-scaling";

// The cost advisor on the demo's data: the long tail and the two baseline windows, published as the demo publishes
// them, read back per minute and priced by tableCost over the 14 days before the history; each table gets its verdict.
const HOUR = 3_600_000;
const HISTORY_START = Date.UTC(2026, 10, 20, 14, 23, 17);
const HISTORY_END = HISTORY_START + 3 * HOUR;
const MINUTES = DEMO_LONG_HISTORY_MS / 60_000;

const sink = new SummingSink();
let windowStart = 0;
const costs = new Map<string, CostResponse>();

function resource(table: string, index: string | null, provisioned: boolean, extra: Partial<CostResource> = {}): CostResource {
  const dimensions: Record<string, string> = index === null ? { TableName: table } : { TableName: table, GlobalSecondaryIndexName: index };
  const sums = (metric: string) => sink.series(metric, dimensions, windowStart, MINUTES).map((total) => total?.sum ?? 0);
  // ProvisionedRead/WriteCapacityUnits: one sample a minute, so its Average is the capacity; every minute has one.
  const capacity = (metric: string) =>
    sink.series(metric, dimensions, windowStart, MINUTES).map((total, minute) => {
      if (total?.sampleCount !== 1) throw new Error(`${metric} of ${table}/${index ?? ""} has ${total?.sampleCount ?? 0} samples in minute ${minute}`);
      return total.sum;
    });
  return {
    index,
    demand: { startMs: windowStart, readUnits: sums("ConsumedReadCapacityUnits"), writeUnits: sums("ConsumedWriteCapacityUnits") },
    provisioned: provisioned ? { readUnits: capacity("ProvisionedReadCapacityUnits"), writeUnits: capacity("ProvisionedWriteCapacityUnits") } : null,
    ...extra,
  };
}

function costOf(table: string, resources: CostResource[], overrides: Partial<TableCostInput> = {}): CostResponse {
  return tableCost({
    table,
    window: { start: windowStart, end: windowStart + DEMO_LONG_HISTORY_MS },
    region: "us-east-1",
    tableClass: "STANDARD",
    billingMode: resources.every((entry) => entry.provisioned) ? "PROVISIONED" : "PAY_PER_REQUEST",
    autoScaling: false,
    resources,
    storageBytes: 0,
    prices: BUILT_IN_PRICE_TABLE,
    now: HISTORY_END,
    ...overrides,
  });
}

beforeAll(async () => {
  const tables = demoHomeModels();
  const history = demoLongHistory({ tables, historyStartMs: HISTORY_START, historyEndMs: HISTORY_END, role: "home", withBaselines: true });
  windowStart = history.plan.startMs;
  await publishLongHistory(history, sink);
  await publishDemoBaselines({ tables, historyStartMs: HISTORY_START, historyMs: HISTORY_END - HISTORY_START, sink, log: () => undefined });
  costs.set("Shop", costOf("Shop", [resource("Shop", null, true), resource("Shop", "GSI1", true, { scalingBounds: { write: { min: DEMO_SCALING.min, max: DEMO_SCALING.max } } }), resource("Shop", "ByEmail", true)], { autoScaling: true }));
  costs.set("Sessions", costOf("Sessions", [resource("Sessions", null, true)]));
  costs.set("Events", costOf("Events", [resource("Events", null, false, { onDemandMaximum: { read: 400, write: 200 } })]));
  for (const [table, cost] of costs) {
    const figures = [`now ${cost.current.mode} $${cost.current.monthlyUsd.toFixed(2)} (${Math.round(cost.current.throttledRequests)} throttled)`, ...cost.alternatives.map((option) => `${option.mode} $${option.monthlyUsd.toFixed(2)} (${Math.round(option.throttledRequests)} throttled)`)];
    console.log(`${table}: ${figures.join(", ")} → ${capacityModeVerdicts(cost)[0]?.kind ?? "none"}: ${capacityModeVerdicts(cost)[0]?.title ?? ""}`);
  }
}, 60_000);

describe("the cost advisor on the demo's 14 days", () => {
  it("finds Sessions, provisioned far above its mostly quiet traffic, cheaper on on-demand by at least 10%", () => {
    const cost = costs.get("Sessions");
    if (!cost) throw new Error("no Sessions cost");
    const [verdict] = capacityModeVerdicts(cost);
    expect(verdict?.kind).toBe("capacity-mode-savings");
    expect(bestAlternative(cost)?.mode).toBe("on-demand");
    expect(verdict?.title).toMatch(/^Switching to on-demand would cost \$[\d.,]+ a month less/);
  });

  it("finds Events fine on on-demand: every provisioned option either throttles its scans or costs more", () => {
    const cost = costs.get("Events");
    if (!cost) throw new Error("no Events cost");
    const [verdict] = capacityModeVerdicts(cost);
    expect(verdict?.kind).toBe("capacity-mode-fine");
    expect(cost.current.mode).toBe("on-demand");
    for (const option of cost.alternatives.filter((entry) => entry.mode !== "on-demand")) {
      expect(option.throttledRequests > 0 || option.monthlyUsd >= 0.9 * cost.current.monthlyUsd, `${option.mode} neither throttles nor costs more`).toBe(true);
    }
  });

  it("prices Shop from every minute of its table and GSIs' history", () => {
    const cost = costs.get("Shop");
    expect(cost?.current.mode).toBe("autoscaling");
    expect(cost?.consumed.readUnits).toBeGreaterThan(0);
    expect(capacityModeVerdicts(cost)).toHaveLength(1);
  });
});
