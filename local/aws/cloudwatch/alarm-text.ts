import type { ComparisonOperator } from "./alarm-schemas";

/** How CloudWatch writes numbers, times and operators in StateReason and StateReasonData. */

/** Numbers as CloudWatch's (Java) service prints doubles: 15.0, 0.25, 1.0E7. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e7 || magnitude < 1e-3)) {
    const [mantissa = "0", exponent = "0"] = value.toExponential().split("e");
    return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
  }
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/MM/yy HH:mm:ss in UTC, the timestamp format of CloudWatch's "Threshold Crossed" reasons. */
export function formatReasonTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 2026-12-03T14:01:00.000+0000, the timestamp format inside StateReasonData and HistoryData. */
export function formatDataTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

export const OPERATOR_PHRASE: Record<ComparisonOperator, string> = {
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  GreaterThanThreshold: "greater than",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
export const wasWere = (count: number) => (count === 1 ? "was" : "were");
