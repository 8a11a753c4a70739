/**
 * Shapes of the cost advisor (issue 16). Client-safe. Every figure carries what it was computed from, so finance can
 * recompute it: units × price, the window it was measured over, and the prices' source and date.
 */

export type TableClass = "STANDARD" | "STANDARD_INFREQUENT_ACCESS";

/**
 * Where a price came from: quoted from a source, or derived from another price by a documented rule. `date` is when
 * that source took the price (ISO; year or month precision where the source gives no day): the sources differ by up
 * to two years, and a PRICES_FILE may mix its figures with built-in ones, so one table-wide date would misstate some.
 */
export type PriceOrigin = { kind: "quoted"; source: string; date: string } | { kind: "derived"; rule: string; source: string; date: string };

export type PricedFigure = { usd: number; origin: PriceOrigin };

/** One reserved-capacity term's prices, per 100 units as AWS sells them: an upfront fee and an hourly rate. */
export type ReservedTermPrices = { per100RcuUpfront: PricedFigure; per100RcuHour: PricedFigure; per100WcuUpfront: PricedFigure; per100WcuHour: PricedFigure };

/** One region and table class's prices, USD. */
export type ClassPrices = {
  onDemandReadPerMillion: PricedFigure;
  onDemandWritePerMillion: PricedFigure;
  rcuHour: PricedFigure;
  wcuHour: PricedFigure;
  storageGbMonth: PricedFigure;
  /** Standard only (reserved capacity cannot be bought for Standard-IA); null where AWS does not sell it. */
  reserved: {
    oneYear: ReservedTermPrices | null;
    threeYear: ReservedTermPrices | null;
  } | null;
};

export type RegionPrices = { region: string; classes: Partial<Record<TableClass, ClassPrices>> };

/** The price table in force: the built-in one (dated) or PRICES_FILE's. */
export type PriceTable = {
  /** ISO date the prices were taken. */
  date: string;
  /** "built-in" or the PRICES_FILE path. */
  from: string;
  /** Free storage per account and region (AWS: 25 GB of Standard storage), which a per-table view cannot apportion. */
  freeStorageGbPerAccountRegion: number;
  regions: RegionPrices[];
};

/** The flat prices one cost response used, as the issue names them, plus where they came from. */
export type UsedPrices = {
  region: string;
  tableClass: TableClass;
  onDemandReadPerMillion: number;
  onDemandWritePerMillion: number;
  rcuHour: number;
  wcuHour: number;
  storageGbMonth: number;
  source: string;
  date: string;
  derived: string[];
};

export type CapacityModeName = "on-demand" | "provisioned-peak" | "autoscaling" | "reserved";

/** A dollar amount with the formula that gives it, for the hover text. */
export type CostLine = { usd: number; formula: string };

export type Alternative = {
  mode: CapacityModeName;
  throughputMonthlyUsd: number;
  storageMonthlyUsd: number;
  monthlyUsd: number;
  /** Request units demand exceeded this alternative's capacity by, summed per minute over the window; 0 for on-demand below its limits. */
  throttledRequests: number;
  lines: CostLine[];
  notes: string[];
  /** provisioned-peak only: the capacity each resource would be fixed at (units per second), for the suggestion to act on. */
  fixedCapacity?: Array<{ index: string | null; read: number; write: number }>;
};

export type CostResponse = {
  table: string;
  window: { start: number; end: number };
  /** 30 days ÷ the window's length: what a figure over the window is multiplied by for a month. */
  monthFactor: number;
  prices: UsedPrices;
  /** CloudWatch sums over the window, the table and all its GSIs together. */
  consumed: { readUnits: number; writeUnits: number };
  storage: { bytes: number; gb: number; approximate: true };
  /** `throttledRequests`: demand above the current capacity (or on-demand maximum), counted as the alternatives are. */
  current: { mode: "on-demand" | "provisioned" | "autoscaling"; monthlyUsd: number; throttledRequests: number; lines: CostLine[] };
  alternatives: Alternative[];
  /** Standard against Standard-IA for the same traffic and storage. */
  tableClass: { current: TableClass; standardMonthlyUsd: number | null; standardIaMonthlyUsd: number | null; breakEvenNote: string | null };
  /** The range asked for (ms). `window` is shorter when CloudWatch holds less history than that; `notes` then says so. */
  requestedRangeMs: number;
  /** What the server had to assume or could not read (short history, auto scaling unreadable…), in plain words. */
  notes: string[];
  generatedAt: number;
};
