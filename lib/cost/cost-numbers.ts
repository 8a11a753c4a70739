import { formatCount } from "../format/format-count";

/**
 * How numbers read inside a cost formula, so finance can redo the arithmetic by hand: counts grouped (formatCount),
 * prices at their full listed precision, results in dollars and cents.
 */

const priceFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });
const factorFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const centsFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const smallFormat = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 });

/** A unit count (request units, capacity units, unit-hours), grouped: 1,234,567 or 12,345.5. */
export function formatUnits(value: number): string {
  return formatCount(value);
}

/** A price exactly as listed: $0.00013, $0.125, $150. */
export function formatPrice(usd: number): string {
  return `$${priceFormat.format(usd)}`;
}

/** A multiplier such as the month factor, to 4 decimals: 2.1429. */
export function formatFactor(value: number): string {
  return factorFormat.format(value);
}

/** A result in dollars: $1,234.57; amounts under a cent keep two significant digits ($0.0042) rather than read $0.00. */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `${usd < 0 ? "−" : ""}$${smallFormat.format(Math.abs(usd))}`;
  return `${usd < 0 ? "−" : ""}$${centsFormat.format(Math.abs(usd))}`;
}

const gbSmall = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** Gigabytes: grouped to 3 decimals, or 4 significant digits under 1 GB so small tables do not read "0". */
export function formatGb(gb: number): string {
  return gb !== 0 && Math.abs(gb) < 1 ? gbSmall.format(gb) : formatCount(gb);
}
