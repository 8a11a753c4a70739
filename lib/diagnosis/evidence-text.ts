/** Number, time and key formatting for verdict titles and evidence labels. Deterministic: always UTC, always en-US. */
import { formatCount } from "@/lib/format/format-count";
import type { TimeWindow } from "./diagnosis-types";

export const count = (value: number): string => formatCount(Math.round(value));

/** Like count, but small rates keep a decimal (0.4 RCU/s is not "0"). */
export function amount(value: number): string {
  return Math.abs(value) < 10 && !Number.isInteger(value) ? value.toFixed(1) : count(value);
}

/** A share as a whole percentage; a small non-zero share reads "<1%" rather than a misleading "0%". */
export function percent(fraction: number): string {
  if (fraction > 0 && fraction < 0.005) return "<1%";
  return `${Math.round(fraction * 100)}%`;
}

export function ratio(value: number): string {
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)}×`;
}

const isoMinute = (ms: number) => new Date(ms).toISOString();

/** "14:02", the UTC time of day. */
export function utcTime(ms: number): string {
  return isoMinute(ms).slice(11, 16);
}

/** "between 14:02 and 15:02 UTC", with dates when the window crosses midnight or doesn't end on its start's day. */
export function windowText(window: TimeWindow): string {
  const start = isoMinute(window.start);
  const end = isoMinute(window.end);
  const sameDay = start.slice(0, 10) === end.slice(0, 10) || window.end - window.start <= 60_000;
  const at = (iso: string) => (sameDay ? iso.slice(11, 16) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
  return `between ${at(start)} and ${at(end)} UTC`;
}

/** "between 14:02:05 and 14:04:10 UTC": a short window (a stream sample) to the second, where minutes would make both ends one. */
export function secondsWindowText(window: TimeWindow): string {
  if (window.end - window.start >= 15 * 60_000) return windowText(window);
  const at = (ms: number) => new Date(ms).toISOString().slice(11, 19);
  return `between ${at(window.start)} and ${at(window.end)} UTC`;
}

/** "3 h ago", "2 days ago": how old a sample or audit is. */
export function ageText(at: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** A key value quoted for a sentence; very long keys are shortened (the link carries the whole key). */
export function quoteKey(key: string): string {
  const shown = key.length > 60 ? `${key.slice(0, 57)}…` : key;
  return JSON.stringify(shown);
}

/** "the table" or "the index GSI1", for sentences. */
export function resourceName(index: string | null): string {
  return index === null ? "the table" : `the index ${index}`;
}

export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The CLI command that turns Contributor Insights on; the dashboard itself never runs it (it is read-only). */
export function enableInsightsCommand(table: string, index: string | null): string {
  const indexPart = index === null ? "" : ` --index-name ${index}`;
  return `aws dynamodb update-contributor-insights --table-name ${table}${indexPart} --contributor-insights-action ENABLE`;
}

export const INSIGHTS_COST_NOTE =
  "It is billed per million events it records, it only sees traffic from after it is turned on (it is not retroactive), and this dashboard never turns it on for you.";
