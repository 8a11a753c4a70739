import type { Alternative, CapacityModeName, CostResponse } from "./cost-types";
import { BUILT_IN_PRICE_TABLE } from "./price-table";
import type { CostResource, TableCostInput } from "./table-cost-input";

/** Hand-workable inputs for the cost advisor's tests: one UTC day of per-minute history (month factor exactly 30). */

export const DAY_START = Date.UTC(2026, 10, 2);
export const DAY_MINUTES = 1440;
export const DAY_WINDOW = { start: DAY_START, end: DAY_START + DAY_MINUTES * 60_000 };

export const repeat = (value: number, minutes = DAY_MINUTES): number[] => Array.from({ length: minutes }, () => value);

/** A resource with per-minute sums `read`/`write`, provisioned at fixed [read, write] units per second, or on-demand (null). */
export function costResource(read: number[], write: number[], provisioned: [number, number] | null, extra: Partial<CostResource> = {}): CostResource {
  return {
    index: null,
    demand: { startMs: DAY_START, readUnits: read, writeUnits: write },
    provisioned: provisioned ? { readUnits: repeat(provisioned[0], read.length), writeUnits: repeat(provisioned[1], write.length) } : null,
    ...extra,
  };
}

export function costInput(resources: CostResource[], overrides: Partial<TableCostInput> = {}): TableCostInput {
  return {
    table: "Shop",
    window: DAY_WINDOW,
    region: "us-east-1",
    tableClass: "STANDARD",
    billingMode: resources.every((resource) => resource.provisioned) ? "PROVISIONED" : "PAY_PER_REQUEST",
    autoScaling: false,
    resources,
    storageBytes: 0,
    prices: BUILT_IN_PRICE_TABLE,
    now: DAY_WINDOW.end,
    ...overrides,
  };
}

/** The alternative of a mode; throws rather than return undefined, so a missing one fails the test by name. */
export function alternativeOf(response: CostResponse, mode: CapacityModeName): Alternative {
  const found = response.alternatives.find((entry) => entry.mode === mode);
  if (!found) throw new Error(`no ${mode} alternative`);
  return found;
}
