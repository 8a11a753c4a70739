import {
  alternative,
  autoScalingCapacities,
  monthLines,
  onDemandAlternative,
  onDemandThrottled,
  peakCapacities,
  provisionedThroughput,
  reservedAlternative,
  sumThrottled,
  throttledAbove,
  type ResourceCapacity,
  type Throughput,
} from "./cost-alternatives";
import { monthFactor, onDemandThroughput, storageCost, storageGb } from "./cost-formulas";
import type { CostLine, CostResponse, UsedPrices } from "./cost-types";
import { classPricesFor, pricesFor } from "./prices-for";
import { tableClassComparison } from "./table-class-comparison";
import { checkTableCostInput, CostPricesUnavailableError, resourceLabel, type CostResource, type TableCostInput } from "./table-cost-input";

/**
 * What a table costs a month, and what the same traffic would cost under each capacity mode (issue 16). Pure and
 * client-safe: the route reads CloudWatch and the table's settings, this does the arithmetic. Every figure carries its
 * formula, and the response states the window, prices and consumption it used, so anyone can recompute it.
 */

export { CostPricesUnavailableError, type CostResource, type TableCostInput } from "./table-cost-input";

function consumedOf(resources: readonly CostResource[]): { readUnits: number; writeUnits: number } {
  let readUnits = 0;
  let writeUnits = 0;
  for (const { demand } of resources) {
    for (const units of demand.readUnits) readUnits += units;
    for (const units of demand.writeUnits) writeUnits += units;
  }
  return { readUnits, writeUnits };
}

/** The capacity the table actually had (billed whether or not auto scaling moved it), and what it throttled of the demand. */
function historyCapacities(resources: readonly CostResource[]): ResourceCapacity[] {
  return resources.map((resource) => {
    const provisioned = resource.provisioned ?? { readUnits: [], writeUnits: [] };
    const throttledUnits =
      throttledAbove(resource.demand.readUnits, (minute) => provisioned.readUnits[minute] ?? null) +
      throttledAbove(resource.demand.writeUnits, (minute) => provisioned.writeUnits[minute] ?? null);
    return { index: resource.index, read: provisioned.readUnits, write: provisioned.writeUnits, throttledUnits };
  });
}

/** Each resource's storage, where the route gave its own bytes: informational lines after the storage total. */
function storageByResource(resources: readonly CostResource[], prices: UsedPrices): CostLine[] {
  return resources.flatMap((resource) => {
    if (resource.storageBytes === undefined) return [];
    const line = storageCost(resource.storageBytes, prices.storageGbMonth);
    return [{ usd: line.usd, formula: `${resourceLabel(resource.index)} storage: ${line.formula}` }];
  });
}

export function tableCost(input: TableCostInput): CostResponse {
  checkTableCostInput(input);
  const { window, resources } = input;
  const prices = pricesFor(input.prices, input.region, input.tableClass);
  const classPrices = classPricesFor(input.prices, input.region, input.tableClass);
  if (!prices || !classPrices) throw new CostPricesUnavailableError(input.region, input.tableClass, input.prices.from);

  const consumed = consumedOf(resources);
  const onDemand = input.billingMode === "PAY_PER_REQUEST";
  const history = onDemand ? null : historyCapacities(resources);
  // The current mode's throughput under any prices: the table-class comparison prices the same usage at the other class.
  const currentThroughput = (at: UsedPrices): Throughput => {
    if (history) return provisionedThroughput(history, at, window);
    // The formula over everything consumed, then each resource's share by the same formula.
    const { total } = onDemandThroughput(consumed, at, window);
    const parts = resources.map((resource) => {
      const line = onDemandThroughput(consumedOf([resource]), at, window).total;
      return { usd: line.usd, formula: `${resourceLabel(resource.index)}: ${line.formula}` };
    });
    return { total: { usd: total.usd, formula: `throughput: ${total.formula}` }, parts };
  };
  const storage = storageCost(input.storageBytes, prices.storageGbMonth);

  const currentThroughputNow = currentThroughput(prices);
  const current: CostResponse["current"] = {
    mode: onDemand ? "on-demand" : input.autoScaling ? "autoscaling" : "provisioned",
    monthlyUsd: currentThroughputNow.total.usd + storage.usd,
    throttledRequests: history ? sumThrottled(history) : onDemandThrottled(resources),
    lines: [...monthLines(currentThroughputNow, storage), ...storageByResource(resources, prices)],
  };

  const peak = peakCapacities(resources);
  // The table's own bounds apply only where auto scaling manages it now; otherwise the model's defaults (1 to 40,000).
  const scaled = autoScalingCapacities(resources, !onDemand && input.autoScaling);
  const boundsNote =
    !onDemand && input.autoScaling
      ? "Within the table's and indexes' current auto scaling minimum and maximum where they were read."
      : "Within a minimum of 1 and a maximum of 40,000 units (the default per-table quota), as no auto scaling is set now.";
  const alternatives = [
    onDemandAlternative(consumed, resources, prices, window, storage),
    {
      ...alternative("provisioned-peak", provisionedThroughput(peak, prices, window), storage, sumThrottled(peak), [
        "Each of the table's and indexes' reads and writes fixed at its busiest minute's average per second over the window, rounded up: it never throttles this history, but pays for the peak all month.",
      ]),
      fixedCapacity: peak.map((resource) => ({ index: resource.index, read: resource.read[0] ?? 0, write: resource.write[0] ?? 0 })),
    },
    alternative("autoscaling", provisionedThroughput(scaled, prices, window), storage, sumThrottled(scaled), [
      "Target tracking at 70% utilization, simulated minute by minute with auto scaling's reaction delay (two minutes above target to scale out, fifteen well below to scale in) and the daily limit on decreases.",
      boundsNote,
      "Throttling counts demand above the capacity in each minute and ignores burst capacity, so it is an upper bound.",
    ]),
    reservedAlternative(scaled, classPrices, prices, window, storage),
  ];

  return {
    table: input.table,
    window: { start: window.start, end: window.end },
    monthFactor: monthFactor(window),
    prices,
    consumed,
    storage: { bytes: input.storageBytes, gb: storageGb(input.storageBytes), approximate: true },
    current,
    alternatives,
    tableClass: tableClassComparison(input.prices, input.region, input.tableClass, input.storageBytes, currentThroughput),
    requestedRangeMs: input.requestedRangeMs ?? window.end - window.start,
    notes: [...(input.notes ?? [])],
    generatedAt: input.now,
  };
}

