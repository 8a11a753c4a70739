/** Text helpers the report's SVG, HTML and Markdown share. Client-safe, pure. */

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for an XML or HTML text node or a quoted attribute. Table, alarm and key names are the account's own strings
 * (an alarm name may hold `<`, quotes or `&`), so every string the report did not write itself goes through here.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => String(value).padStart(2, "0");

/** "14:05" in UTC. */
export function utcTime(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** "3 Dec 14:05" in UTC. */
export function utcDayTime(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ""} ${utcTime(ms)}`;
}

/** "2026-12-03 14:05:09 UTC": a full instant, unambiguous in a ticket or a postmortem. */
export function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "14:05–17:05 UTC on 2026-12-03", or both dates when the window crosses midnight. */
export function utcWindow(start: number, end: number): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  if (day(start) === day(end - 1)) return `${utcTime(start)}–${utcTime(end)} UTC on ${day(start)}`;
  return `${day(start)} ${utcTime(start)} UTC to ${day(end)} ${utcTime(end)} UTC`;
}

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A number as a reader wants it: grouped, at most two decimals, large values whole. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? grouped.format(Math.round(value)) : grouped.format(value);
}
