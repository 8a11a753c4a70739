import type { CostLine, UsedPrices } from "./cost-types";
import { formatFactor, formatGb, formatPrice, formatUnits, formatUsd } from "./cost-numbers";

/**
 * The cost formulas (pure). Every function returns CostLines whose `formula` is the literal arithmetic, in words and
 * numbers, so finance can check each figure by hand. Figures over a window are extrapolated to a 30-day month.
 * Free tiers (25 GB, 25 RCU and 25 WCU per account and region) are not subtracted: AWS applies them across all
 * tables of an account and region, which one table's view cannot apportion.
 */

export type CostWindow = { start: number; end: number };
/** Provisioned capacity over one stretch of time: `units` held for `minutes` (a per-minute series has minutes = 1). */
export type CapacitySample = { units: number; minutes: number };
export type CapacityUnitName = "RCU" | "WCU";

const DAY_MS = 86_400_000;
/** The month: 30 days. */
export const MONTH_DAYS = 30;
/** Hours in that month, for capacity held all month (30 × 24). */
export const HOURS_PER_MONTH = 720;
/**
 * AWS bills storage in binary gigabytes. DynamoDB's pricing page does not define its GB, but AWS's S3 pricing page
 * does ("storage usage is calculated in binary gigabytes (GB), where 1 GB is 2^30 bytes"), the usage type is
 * TimedStorage-ByteHrs turned into GB-Mo, and nothing AWS publishes says DynamoDB differs. (One AWS agent-toolkit
 * script divides by 10^9; that would make storage 7.4% dearer, and it cites no billing source.)
 */
export const BYTES_PER_GB = 2 ** 30;

/** 30 days ÷ the window's length: what a figure measured over the window is multiplied by for a month. */
export function monthFactor(window: CostWindow): number {
  const length = window.end - window.start;
  if (!(length > 0)) throw new RangeError(`A cost window must end after it starts (start ${window.start}, end ${window.end})`);
  return (MONTH_DAYS * DAY_MS) / length;
}

/** "2.1429 (30 days ÷ 14 days)": the month factor as it appears in a formula. */
export function monthFactorText(window: CostWindow): string {
  const days = (window.end - window.start) / DAY_MS;
  return `${formatFactor(monthFactor(window))} (${MONTH_DAYS} days ÷ ${formatFactor(days)} day${days === 1 ? "" : "s"})`;
}

/**
 * On-demand throughput for a month, EXACTLY as the issue states it:
 * (readUnits × onDemandReadPerMillion + writeUnits × onDemandWritePerMillion) / 1e6 × monthFactor.
 * `read` and `write` are the two halves (the same arithmetic with the other term zero), for a breakdown.
 */
export function onDemandThroughput(
  consumed: { readUnits: number; writeUnits: number },
  prices: Pick<UsedPrices, "onDemandReadPerMillion" | "onDemandWritePerMillion">,
  window: CostWindow,
): { total: CostLine; read: CostLine; write: CostLine } {
  const factor = monthFactor(window);
  const { readUnits, writeUnits } = consumed;
  const usd = ((readUnits * prices.onDemandReadPerMillion + writeUnits * prices.onDemandWritePerMillion) / 1e6) * factor;
  const readUsd = ((readUnits * prices.onDemandReadPerMillion) / 1e6) * factor;
  const writeUsd = ((writeUnits * prices.onDemandWritePerMillion) / 1e6) * factor;
  const readTerm = `${formatUnits(readUnits)} read units × ${formatPrice(prices.onDemandReadPerMillion)} per million`;
  const writeTerm = `${formatUnits(writeUnits)} write units × ${formatPrice(prices.onDemandWritePerMillion)} per million`;
  const tail = `÷ 1e6 × ${monthFactorText(window)}`;
  return {
    total: { usd, formula: `(${readTerm} + ${writeTerm}) ${tail} = ${formatUsd(usd)}` },
    read: { usd: readUsd, formula: `${readTerm} ${tail} = ${formatUsd(readUsd)}` },
    write: { usd: writeUsd, formula: `${writeTerm} ${tail} = ${formatUsd(writeUsd)}` },
  };
}

/** A per-minute capacity series (e.g. a simulation's `capacity`, units in minute i) as samples of one minute each. */
export function perMinuteSeries(units: readonly number[]): CapacitySample[] {
  return units.map((value) => ({ units: value, minutes: 1 }));
}

/** Capacity-hours of a series: Σ units × minutes ÷ 60. */
export function capacityHours(series: readonly CapacitySample[]): number {
  let sum = 0;
  for (const sample of series) sum += (sample.units * sample.minutes) / 60;
  return sum;
}

function seriesMinutes(series: readonly CapacitySample[]): number {
  let minutes = 0;
  for (const sample of series) minutes += sample.minutes;
  return minutes;
}

/**
 * Provisioned throughput for a month from the capacity held over the window: AWS bills provisioned capacity by the
 * hour for what is provisioned, used or not, so this is (Σ units × minutes ÷ 60) unit-hours × price × monthFactor.
 */
export function provisionedSeriesCost(unit: CapacityUnitName, series: readonly CapacitySample[], unitHourPrice: number, window: CostWindow): CostLine {
  const hours = capacityHours(series);
  const usd = hours * unitHourPrice * monthFactor(window);
  return {
    usd,
    formula:
      `${formatUnits(hours)} ${unit}-hours (Σ ${unit} × minutes ÷ 60 over ${formatUnits(seriesMinutes(series))} minutes) × ` +
      `${formatPrice(unitHourPrice)} per ${unit}-hour × ${monthFactorText(window)} = ${formatUsd(usd)}`,
  };
}

/** Provisioned throughput for a month at a fixed capacity: units × 720 hours × price. */
export function provisionedFixedCost(unit: CapacityUnitName, units: number, unitHourPrice: number): CostLine {
  const usd = units * HOURS_PER_MONTH * unitHourPrice;
  return {
    usd,
    formula: `${formatUnits(units)} ${unit} × ${HOURS_PER_MONTH} hours × ${formatPrice(unitHourPrice)} per ${unit}-hour = ${formatUsd(usd)}`,
  };
}

/** Gigabytes as AWS bills them (binary: bytes ÷ 2^30). */
export function storageGb(bytes: number): number {
  return bytes / BYTES_PER_GB;
}

/**
 * Storage for a month: GB × price per GB-month. The bytes are DynamoDB's TableSizeBytes (plus its indexes'), which
 * AWS updates about every six hours, so the figure is approximate; it is already a monthly rate, so no month factor.
 */
export function storageCost(bytes: number, storageGbMonth: number): CostLine {
  const gb = storageGb(bytes);
  const usd = gb * storageGbMonth;
  return {
    usd,
    formula: `${formatUnits(bytes)} bytes ÷ 2^30 = ${formatGb(gb)} GB × ${formatPrice(storageGbMonth)} per GB-month = ${formatUsd(usd)}`,
  };
}

/** Several lines added up: "$3.44 read + $1.20 write = $4.64"; the total is the exact sum of the parts. */
export function sumCostLines(parts: ReadonlyArray<{ label: string; line: CostLine }>): CostLine {
  const usd = parts.reduce((sum, part) => sum + part.line.usd, 0);
  const terms = parts.map((part) => `${formatUsd(part.line.usd)} ${part.label}`);
  return { usd, formula: `${terms.length > 0 ? terms.join(" + ") : "nothing"} = ${formatUsd(usd)}` };
}
