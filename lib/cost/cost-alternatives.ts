import { simulateAutoScaling, simulateFixedPeak, type ResourceSimulation } from "./capacity-simulation";
import { onDemandThroughput, perMinuteSeries, provisionedSeriesCost, sumCostLines, type CapacityUnitName, type CostWindow } from "./cost-formulas";
import { formatUnits } from "./cost-numbers";
import type { Alternative, CapacityModeName, ClassPrices, CostLine, UsedPrices } from "./cost-types";
import { chooseReservation, reservedCost, reservedTermFor } from "./reserved-capacity";
import { resourceLabel, type CostResource } from "./table-cost-input";

/**
 * The same traffic under each capacity mode (pure): (a) on-demand, (b) provisioned fixed at the observed peak,
 * (c) target tracking at 70%, (d) (c) with 1-year reserved capacity where it pays. Each says what it would have
 * throttled, and lists every dollar figure with its formula.
 */

/** Per-minute capacity of one resource and what it throttled: a simulation's result, or the table's own history. */
export type ResourceCapacity = { index: string | null; read: readonly number[]; write: readonly number[]; throttledUnits: number };

export type Throughput = { total: CostLine; parts: CostLine[] };

const MINUTE_S = 60;

/** Σ over minutes of max(0, demand − capacity × 60): request units above the capacity (burst capacity ignored). */
export function throttledAbove(demand: readonly number[], capacity: (minute: number) => number | null): number {
  let sum = 0;
  demand.forEach((units, minute) => {
    const limit = capacity(minute);
    if (limit !== null) sum += Math.max(0, units - limit * MINUTE_S);
  });
  return sum;
}

const labelled = (label: string, line: CostLine): CostLine => ({ usd: line.usd, formula: `${label}: ${line.formula}` });

/** Capacity-hours of each resource's reads and writes at the provisioned rates, and their sum. */
export function provisionedThroughput(capacities: readonly ResourceCapacity[], prices: UsedPrices, window: CostWindow): Throughput {
  const parts = capacities.flatMap((resource) => {
    const name = resourceLabel(resource.index);
    return [
      { label: `${name} reads`, line: provisionedSeriesCost("RCU", perMinuteSeries(resource.read), prices.rcuHour, window) },
      { label: `${name} writes`, line: provisionedSeriesCost("WCU", perMinuteSeries(resource.write), prices.wcuHour, window) },
    ];
  });
  return { total: labelled("throughput", sumCostLines(parts)), parts: parts.map((part) => labelled(part.label, part.line)) };
}

/** A month's lines: the total (throughput + storage) first, then the throughput with its parts, then the storage. */
export function monthLines(throughput: Throughput, storage: CostLine): CostLine[] {
  const total = sumCostLines([
    { label: "throughput", line: throughput.total },
    { label: "storage", line: storage },
  ]);
  return [labelled("month", total), throughput.total, ...throughput.parts, labelled("storage", storage)];
}

/** Throughput and storage added up into an alternative; its first line is the total. */
export function alternative(mode: CapacityModeName, throughput: Throughput, storage: CostLine, throttledRequests: number, notes: string[]): Alternative {
  const lines = monthLines(throughput, storage);
  return {
    mode,
    throughputMonthlyUsd: throughput.total.usd,
    storageMonthlyUsd: storage.usd,
    monthlyUsd: lines[0]?.usd ?? throughput.total.usd + storage.usd,
    throttledRequests,
    lines,
    notes,
  };
}

/** What an on-demand table's configured maximum would have throttled (none without a maximum). */
export function onDemandThrottled(resources: readonly CostResource[]): number {
  let sum = 0;
  for (const resource of resources) {
    const max = resource.onDemandMaximum;
    if (!max) continue;
    // UpdateTable takes -1 to remove a maximum; anything not positive is no limit.
    const limit = (units: number | null) => (units !== null && units > 0 ? units : null);
    sum += throttledAbove(resource.demand.readUnits, () => limit(max.read));
    sum += throttledAbove(resource.demand.writeUnits, () => limit(max.write));
  }
  return sum;
}

export function onDemandAlternative(consumed: { readUnits: number; writeUnits: number }, resources: readonly CostResource[], prices: UsedPrices, window: CostWindow, storage: CostLine): Alternative {
  const { total, read, write } = onDemandThroughput(consumed, prices, window);
  const throttled = onDemandThrottled(resources);
  const notes = [
    "On-demand bills each request unit the table and its indexes consumed; consumption is the same whichever mode serves it.",
    throttled > 0
      ? `The on-demand maximum set on the table or an index would have turned away ${formatUnits(throttled)} request units.`
      : "No on-demand maximum would have been reached. On-demand still throttles a sudden jump above double the previous peak (AWS), which minute figures cannot show.",
  ];
  return alternative("on-demand", { total: labelled("throughput", total), parts: [labelled("reads", read), labelled("writes", write)] }, storage, throttled, notes);
}

function capacityOf(index: string | null, simulation: ResourceSimulation): ResourceCapacity {
  return { index, read: simulation.read.capacity, write: simulation.write.capacity, throttledUnits: simulation.read.throttledUnits + simulation.write.throttledUnits };
}

export function peakCapacities(resources: readonly CostResource[]): ResourceCapacity[] {
  return resources.map((resource) => capacityOf(resource.index, simulateFixedPeak(resource.demand)));
}

/** (c): each resource scaled by the model, within its current bounds where known (else 1 to 40,000). */
export function autoScalingCapacities(resources: readonly CostResource[], useBounds: boolean): ResourceCapacity[] {
  return resources.map((resource) => {
    const bounds = useBounds ? resource.scalingBounds : null;
    return capacityOf(resource.index, simulateAutoScaling(resource.demand, { read: bounds?.read, write: bounds?.write }));
  });
}

export const sumThrottled = (capacities: readonly ResourceCapacity[]) => capacities.reduce((sum, resource) => sum + resource.throttledUnits, 0);

/** The per-minute sum over resources: reserved capacity is bought per account and region, not per table or index. */
function totalSeries(capacities: readonly ResourceCapacity[], dimension: "read" | "write"): number[] {
  const total: number[] = [];
  for (const resource of capacities) resource[dimension].forEach((units, minute) => (total[minute] = (total[minute] ?? 0) + units));
  return total;
}

/**
 * (d): (c)'s capacity with 1-year reserved blocks where they pay. AWS sells reserved capacity for the Standard table
 * class only; where the class or the price table has none, (d) is (c) and says why. The 3-year term is not offered:
 * AWS sells it in limited regions and the price table's only source for it is unconfirmed (price-table.ts).
 */
export function reservedAlternative(capacities: readonly ResourceCapacity[], classPrices: ClassPrices, prices: UsedPrices, window: CostWindow, storage: CostLine): Alternative {
  const throttled = sumThrottled(capacities);
  const unavailable = (why: string) =>
    alternative("reserved", provisionedThroughput(capacities, prices, window), storage, throttled, [`${why} This is (c), auto scaling, without any reservation.`]);
  if (prices.tableClass !== "STANDARD") return unavailable("Reserved capacity isn't available for the Standard-IA table class (AWS sells it for Standard only).");
  const parts: Array<{ label: string; line: CostLine }> = [];
  const notes: string[] = [];
  const units: Array<[CapacityUnitName, "read" | "write", number]> = [
    ["RCU", "read", prices.rcuHour],
    ["WCU", "write", prices.wcuHour],
  ];
  for (const [unit, dimension, hourPrice] of units) {
    const term = reservedTermFor(classPrices, "oneYear", unit);
    if (!term) return unavailable(`The price table has no 1-year reserved ${unit} prices for ${prices.region}.`);
    const series = perMinuteSeries(totalSeries(capacities, dimension));
    const choice = chooseReservation(unit, series, term, hourPrice, window);
    notes.push(choice.explanation);
    if (choice.blocks === 0) {
      parts.push({ label: `${dimension}s (no reservation)`, line: provisionedSeriesCost(unit, series, hourPrice, window) });
      continue;
    }
    const cost = reservedCost(unit, choice.blocks, series, term, hourPrice, window);
    parts.push({ label: `${dimension}s reserved`, line: cost.reservation }, { label: `${dimension}s above the reservation`, line: cost.overflow });
  }
  notes.push("Reserved capacity is a 1-year commitment, bought per account and region and shared by its tables: this assumes it serves this table alone.");
  const throughput = { total: labelled("throughput", sumCostLines(parts)), parts: parts.map((part) => labelled(part.label, part.line)) };
  return alternative("reserved", throughput, storage, throttled, notes);
}
