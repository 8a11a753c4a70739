import type { ResourceDemand, ScalingBounds } from "./capacity-simulation";
import type { CostWindow } from "./cost-formulas";
import type { PriceTable, TableClass } from "./cost-types";

/**
 * What `tableCost` is computed from (pure, client-safe): the table's per-minute CloudWatch history for the table and
 * each GSI, its settings, its storage and the price table. The route reads these; nothing here fetches.
 */

/** Per-minute provisioned capacity (units per second in minute i), as ProvisionedRead/WriteCapacityUnits report it. */
export type ProvisionedSeries = { readUnits: readonly number[]; writeUnits: readonly number[] };

export type CostResource = {
  /** null: the table itself; otherwise the GSI's name. */
  index: string | null;
  /** Consumed read and write units per minute (Sum over 60 s), minute i starting at window.start + i minutes. */
  demand: ResourceDemand;
  /** Provisioned units per minute; null for an on-demand table. */
  provisioned: ProvisionedSeries | null;
  /** The resource's auto scaling bounds per dimension, when auto scaling is on and they were read. */
  scalingBounds?: { read?: ScalingBounds; write?: ScalingBounds } | null;
  /** This resource's own bytes (TableSizeBytes or IndexSizeBytes), for a storage line per resource; they must add up to storageBytes. */
  storageBytes?: number;
  /** The on-demand maximum (MaxRead/WriteRequestUnits, units per second) where one is configured; null or absent: none. */
  onDemandMaximum?: { read: number | null; write: number | null } | null;
};

export type TableCostInput = {
  table: string;
  /** Epoch ms, end exclusive; every resource's series covers exactly its whole minutes. */
  window: CostWindow;
  region: string;
  tableClass: TableClass;
  billingMode: "PROVISIONED" | "PAY_PER_REQUEST";
  /** Whether Application Auto Scaling manages the table's (or a GSI's) capacity. */
  autoScaling: boolean;
  resources: readonly CostResource[];
  /** TableSizeBytes of the table plus its GSIs' IndexSizeBytes (DynamoDB bills the indexes' storage too). */
  storageBytes: number;
  prices: PriceTable;
  now: number;
  /** The range the caller asked for, when the window is shorter (CloudWatch held less history); default the window's length. */
  requestedRangeMs?: number;
  /** What the caller assumed or could not read, passed through to the response. */
  notes?: readonly string[];
};

/**
 * The price table has no prices for this region and table class. The route turns it into a 4xx (a region the
 * operator may add) with `hint`, rather than guessing from another region's prices.
 */
export class CostPricesUnavailableError extends Error {
  readonly code = "prices-unavailable";
  readonly hint: string;

  constructor(
    readonly region: string,
    readonly tableClass: TableClass,
    from: string,
  ) {
    super(`The price table (${from}) has no DynamoDB prices for ${tableClass} in ${region}.`);
    this.name = "CostPricesUnavailableError";
    this.hint =
      "The built-in prices cover us-east-1, us-west-2 and eu-west-1. Set PRICES_FILE to a price file that lists this " +
      "region and table class (see docs) and restart the server.";
  }
}

const MINUTE_MS = 60_000;

/** The whole minutes in the window, which every series must cover, so capacity-hours and the month factor agree. */
export function windowMinutes(window: CostWindow): number {
  const minutes = (window.end - window.start) / MINUTE_MS;
  if (!(minutes >= 1) || !Number.isInteger(minutes)) {
    throw new RangeError(`A cost window must be a whole number of minutes (start ${window.start}, end ${window.end}).`);
  }
  return minutes;
}

function checkLength(what: string, series: readonly number[], minutes: number): void {
  if (series.length !== minutes) throw new RangeError(`${what} has ${series.length} minutes; the window has ${minutes}.`);
  const bad = series.findIndex((value) => !Number.isFinite(value) || value < 0);
  if (bad >= 0) throw new RangeError(`${what}[${bad}] is ${series[bad]}; it must be finite and ≥ 0.`);
}

/** Every resource's series cover the window's minutes from its start, and a provisioned table has its capacity series. */
export function checkTableCostInput(input: TableCostInput): void {
  const minutes = windowMinutes(input.window);
  if (!(Number.isFinite(input.storageBytes) && input.storageBytes >= 0)) throw new RangeError(`storageBytes is ${input.storageBytes}; it must be finite and ≥ 0.`);
  if (input.resources.length === 0) throw new RangeError("A cost needs at least the table's own demand.");
  for (const resource of input.resources) {
    const name = resource.index ?? "table";
    if (resource.demand.startMs !== input.window.start) throw new RangeError(`${name}'s demand starts at ${resource.demand.startMs}, not at the window's start ${input.window.start}.`);
    checkLength(`${name} readUnits`, resource.demand.readUnits, minutes);
    checkLength(`${name} writeUnits`, resource.demand.writeUnits, minutes);
    if (input.billingMode === "PROVISIONED") {
      if (!resource.provisioned) throw new RangeError(`${name} is provisioned but has no provisioned capacity series.`);
      checkLength(`${name} provisioned readUnits`, resource.provisioned.readUnits, minutes);
      checkLength(`${name} provisioned writeUnits`, resource.provisioned.writeUnits, minutes);
    }
  }
  const own = input.resources.map((resource) => resource.storageBytes);
  if (own.some((bytes) => bytes !== undefined)) {
    const sum = own.reduce<number>((total, bytes) => total + (bytes ?? Number.NaN), 0);
    if (sum !== input.storageBytes) throw new RangeError(`The resources' storageBytes add up to ${sum}, not to the table's storageBytes ${input.storageBytes}; give every resource's or none.`);
  }
}

export function resourceLabel(index: string | null): string {
  return index === null ? "table" : `GSI ${index}`;
}
