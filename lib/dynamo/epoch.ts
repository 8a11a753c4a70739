import { decimalParts } from "./number-size";
import { NUMBER_PATTERN } from "./wire-value";

export type EpochHint = { iso: string; unit: "seconds" | "milliseconds" };

/** 1e9 s is 2001-09-09 and 4.1e9 s is 2099-12-03: the window where an integer is plausibly a Unix time. */
const SECONDS = { min: 1e9, max: 4.1e9 };
const MILLISECONDS = { min: 1e12, max: 4.1e12 };

/**
 * A reading of a number as a Unix epoch time, for a tooltip: whole numbers in the seconds or milliseconds window
 * only. Fractions, negatives and anything else (including text that is not a number) get no hint; a hint is a
 * guess, so being silent is better than a wrong date.
 */
export function epochHint(n: string): EpochHint | null {
  if (!NUMBER_PATTERN.test(n)) return null;
  const { negative, digits, exponent } = decimalParts(n);
  // Whole means no significant digit after the point; 13+ digits before it is beyond both windows.
  if (negative || digits === "" || exponent < digits.length - 1 || exponent > 12) return null;
  const value = Number(digits.padEnd(exponent + 1, "0"));
  if (value >= SECONDS.min && value <= SECONDS.max) {
    // Whole seconds read better without ".000".
    return { iso: new Date(value * 1000).toISOString().replace(".000Z", "Z"), unit: "seconds" };
  }
  if (value >= MILLISECONDS.min && value <= MILLISECONDS.max) {
    return { iso: new Date(value).toISOString(), unit: "milliseconds" };
  }
  return null;
}
