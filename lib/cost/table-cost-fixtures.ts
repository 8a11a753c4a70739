import type { Alternative, CapacityModeName, CostResponse } from "./cost-types";
import { BUILT_IN_PRICE_TABLE } from "./price-table";
import { tableCost } from "./table-cost";
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

/** 60,000 reads in minute 30 of every hour (1,000 a second for one minute), nothing otherwise. */
export const spikyReads = (): number[] => Array.from({ length: DAY_MINUTES }, (_, minute) => (minute % 60 === 30 ? 60_000 : 0));

/** Provisioned at 1,000 RCU / 1 WCU all day for those bursts: on-demand is far cheaper (table-cost.test.ts works the figures). */
export const spikyCost = (): CostResponse => tableCost(costInput([costResource(spikyReads(), repeat(0), [1_000, 1])]));

/** A steady 10 RCU / 5 WCU table provisioned at exactly that: nothing serves it cheaper. */
export const rightSizedCost = (): CostResponse => tableCost(costInput([costResource(repeat(600), repeat(300), [10, 5])]));
