import type { ClassPrices, CostLine } from "./cost-types";
import { HOURS_PER_MONTH, monthFactor, monthFactorText, type CapacitySample, type CapacityUnitName, type CostWindow } from "./cost-formulas";
import { formatPrice, formatUnits, formatUsd } from "./cost-numbers";

/**
 * Reserved capacity (pure). AWS sells it in blocks of 100 RCU or WCU, for the Standard table class in provisioned
 * mode only, for a 1- or 3-year term: an upfront fee plus an hourly fee for every hour of the term, used or not.
 * Capacity provisioned above the reservation is billed at the standard provisioned hourly rate.
 */

export const RESERVED_BLOCK_UNITS = 100;

const hoursFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export type ReservedTerm = { upfrontPer100: number; hourlyPer100: number; termMonths: 12 | 36 };
export type ReservedTermName = "oneYear" | "threeYear";

/** One unit's reserved rates for a term, or null where AWS does not sell that term (or the class has none). */
export function reservedTermFor(prices: ClassPrices, term: ReservedTermName, unit: CapacityUnitName): ReservedTerm | null {
  const rates = prices.reserved?.[term];
  if (!rates) return null;
  const termMonths = term === "oneYear" ? 12 : 36;
  return unit === "RCU"
    ? { upfrontPer100: rates.per100RcuUpfront.usd, hourlyPer100: rates.per100RcuHour.usd, termMonths }
    : { upfrontPer100: rates.per100WcuUpfront.usd, hourlyPer100: rates.per100WcuHour.usd, termMonths };
}

/**
 * One block's cost for a month: upfront ÷ months of the term + hourly × 720. Simplification: the upfront fee is
 * spread evenly over the term's months, and a month is the 30 days (720 hours), as everywhere else here.
 */
export function reservedBlockMonthly(term: ReservedTerm): number {
  return term.upfrontPer100 / term.termMonths + term.hourlyPer100 * HOURS_PER_MONTH;
}

function blockText(term: ReservedTerm): string {
  return `(${formatPrice(term.upfrontPer100)} upfront ÷ ${term.termMonths} months + ${formatPrice(term.hourlyPer100)} per hour × ${HOURS_PER_MONTH} hours)`;
}

/** Unit-hours of the series above `level` units: Σ max(0, units − level) × minutes ÷ 60. */
function hoursAbove(series: readonly CapacitySample[], level: number): number {
  let sum = 0;
  for (const sample of series) sum += (Math.max(0, sample.units - level) * sample.minutes) / 60;
  return sum;
}

/** Unit-hours the series spends inside block k (units from 100·(k−1) to 100·k), which that block would cover. */
function hoursInBlock(series: readonly CapacitySample[], block: number): number {
  const floor = (block - 1) * RESERVED_BLOCK_UNITS;
  let sum = 0;
  for (const sample of series) sum += (Math.min(RESERVED_BLOCK_UNITS, Math.max(0, sample.units - floor)) * sample.minutes) / 60;
  return sum;
}

/**
 * A month with `blocks` × 100 units reserved under a capacity series: the blocks' fixed monthly cost, plus the
 * capacity-hours above the reservation at the standard provisioned rate, extrapolated with the month factor.
 */
export function reservedCost(
  unit: CapacityUnitName,
  blocks: number,
  series: readonly CapacitySample[],
  term: ReservedTerm,
  unitHourPrice: number,
  window: CostWindow,
): { total: CostLine; reservation: CostLine; overflow: CostLine } {
  const reservedUnits = blocks * RESERVED_BLOCK_UNITS;
  const perBlock = reservedBlockMonthly(term);
  const reservationUsd = blocks * perBlock;
  const above = hoursAbove(series, reservedUnits);
  const overflowUsd = above * unitHourPrice * monthFactor(window);
  const reservation: CostLine = {
    usd: reservationUsd,
    formula: `${formatUnits(blocks)} × 100 ${unit} reserved × ${blockText(term)} = ${formatUnits(blocks)} × ${formatUsd(perBlock)} = ${formatUsd(reservationUsd)}`,
  };
  const overflow: CostLine = {
    usd: overflowUsd,
    formula:
      `${formatUnits(above)} ${unit}-hours above the ${formatUnits(reservedUnits)} reserved (Σ max(0, ${unit} − ${formatUnits(reservedUnits)}) × minutes ÷ 60) × ` +
      `${formatPrice(unitHourPrice)} per ${unit}-hour × ${monthFactorText(window)} = ${formatUsd(overflowUsd)}`,
  };
  const usd = reservationUsd + overflowUsd;
  return {
    total: { usd, formula: `${formatUsd(reservationUsd)} reserved + ${formatUsd(overflowUsd)} above the reservation = ${formatUsd(usd)}` },
    reservation,
    overflow,
  };
}

/**
 * The reservation (in blocks of 100) that makes the month cheapest under a capacity series. The classic rule: the
 * k-th block pays when the capacity it would cover, extrapolated to a month, costs more at the standard rate than the
 * block does; that is, when the series stays at or above its level long enough. A block's coverage never grows with
 * k (each minute's units fill the lower blocks first), so the cost is convex in k and the blocks that pay are exactly
 * 1..k*: k* is found by binary search. A block that merely breaks even is not bought (a reservation is a commitment).
 */
export function chooseReservation(
  unit: CapacityUnitName,
  series: readonly CapacitySample[],
  term: ReservedTerm,
  unitHourPrice: number,
  window: CostWindow,
): { blocks: number; breakEvenHours: number; explanation: string } {
  const factor = monthFactor(window);
  const perBlock = reservedBlockMonthly(term);
  // Hours a month a full block must be in use for it to cost no more than the standard rate.
  const breakEvenHours = perBlock / (RESERVED_BLOCK_UNITS * unitHourPrice);
  const pays = (block: number) => hoursInBlock(series, block) * unitHourPrice * factor > perBlock;
  const peak = series.reduce((max, sample) => Math.max(max, sample.units), 0);
  let low = 0;
  let high = Math.ceil(peak / RESERVED_BLOCK_UNITS);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (pays(middle)) low = middle;
    else high = middle - 1;
  }
  const blocks = low;
  // A block's use, as the full-block hours a month it would be in use: (unit-hours inside it ÷ 100) × month factor.
  const used = (block: number) => `${hoursFormat.format((hoursInBlock(series, block) / RESERVED_BLOCK_UNITS) * factor)} hours`;
  const breakEven =
    `a block of 100 ${unit} costs ${formatUsd(perBlock)} a month ${blockText(term)}, what 100 ${unit} cost at ` +
    `${formatPrice(unitHourPrice)} per ${unit}-hour in ${hoursFormat.format(breakEvenHours)} hours, so a block pays only if it is in use longer than that a month`;
  const last = Math.ceil(peak / RESERVED_BLOCK_UNITS);
  const explanation =
    blocks === 0
      ? `Reserve none: ${breakEven}; the first block would be in use ${used(1)} a month.`
      : `Reserve ${formatUnits(blocks)} × 100 ${unit}: ${breakEven}; block ${formatUnits(blocks)} is in use ${used(blocks)} a month` +
        (blocks < last ? `, block ${formatUnits(blocks + 1)} only ${used(blocks + 1)}.` : ".");
  return { blocks, breakEvenHours, explanation };
}
