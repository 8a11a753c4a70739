import { z } from "zod";
import { freePort } from "../local/free-port";
import { startDashboard } from "../local/stack/dashboard-process";
import type { LocalStack } from "../local/stack/local-stack";
import { CHANGE_LEAD_MS, eventsIn, getOk, loadRoute, lookupCalls, MINUTE, resetLookupCalls, summary, tablePath, type Fetched, type ReadWindow, type Summary, type WindowEvents } from "./changes-report-shared";

/*
 * How long an incident report over a 3-hour window takes (issue 14). The report reads every source the table page
 * does for one frozen window (description, diagnosis, metrics, alarms, auto scaling, Contributor Insights, changes),
 * through the same caches, then draws its SVG charts and renders HTML or Markdown. Cold is a fresh `next start`
 * (nothing cached, the route's code loaded); warm repeats the request on the bench's dashboard, where the sources'
 * caches answer (a window reaching into the last 10 minutes is cached for a minute) and rendering is most of it.
 */

export const REPORT_HOURS = 3;
const changesSchema = z.object({ changes: z.array(z.unknown()) });
export const WARM_REPORTS = 20;
const FORMATS = ["html", "md"] as const;
type Format = (typeof FORMATS)[number];

export type ReportWindow = { start: number; end: number };

export type ReportCold = { ms: number; bytes: number; lookupEvents: number };
export type ReportFormatResult = {
  cold: ReportCold;
  warm: Summary & { bytes: number; lookupEvents: number };
};

export type ReportBench = {
  window: ReportWindow & { hours: number };
  /** What the window holds: the CloudTrail events its read covers (with the lead time), per source, and the lookups they take. */
  trail: ReadWindow & WindowEvents;
  /** Shop's changes in the window, as the changes API lists them for it (the read the report made, so no lookup). */
  changesListed: number;
  /** What the HTML report holds, counted in its text: enough that it is not an empty one. */
  html: { svgCharts: number; externalUrls: number };
  formats: Record<Format, ReportFormatResult>;
};

/** The 3 hours ending at the last whole minute: the default window when the stack's history does not say which. */
export function lastHours(nowMs: number = Date.now(), hours = REPORT_HOURS): ReportWindow {
  const end = Math.floor(nowMs / MINUTE) * MINUTE;
  return { start: end - hours * 3_600_000, end };
}

const reportPath = (window: ReportWindow, format: Format) => `${tablePath}/report?start=${window.start}&end=${window.end}&format=${format}`;

function checked(fetched: Fetched, format: Format): Fetched {
  const expected = format === "html" ? "text/html" : "text/markdown";
  if (!fetched.contentType.startsWith(expected)) throw new Error(`The ${format} report came back as ${fetched.contentType}, not ${expected}`);
  return fetched;
}

async function report(baseUrl: string, window: ReportWindow, format: Format): Promise<Fetched> {
  return checked(await getOk(baseUrl, reportPath(window, format)), format);
}

/** One cold report on a fresh dashboard, with the LookupEvents it made. */
async function coldReport(stack: LocalStack, window: ReportWindow, format: Format): Promise<ReportCold & { text: string }> {
  const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
  try {
    await loadRoute(dashboard.url, `${tablePath}/report?format=${format}`);
    await resetLookupCalls(stack);
    const fetched = await report(dashboard.url, window, format);
    return { ms: Math.round(fetched.ms), bytes: Buffer.byteLength(fetched.text), lookupEvents: await lookupCalls(stack), text: fetched.text };
  } finally {
    await dashboard.stop();
  }
}

/** One report first (it fills the caches), then `WARM_REPORTS` sequential ones. */
async function warmReports(baseUrl: string, stack: LocalStack, window: ReportWindow, format: Format): Promise<ReportFormatResult["warm"]> {
  await report(baseUrl, window, format);
  await resetLookupCalls(stack);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARM_REPORTS; i++) {
    const fetched = await report(baseUrl, window, format);
    times.push(fetched.ms);
    bytes = Buffer.byteLength(fetched.text);
  }
  return { ...summary(times), bytes, lookupEvents: await lookupCalls(stack) };
}

/** The report for `window` in HTML and Markdown: cold (each on a fresh dashboard) and warm on `dashboardUrl`. */
export async function benchReport(dashboardUrl: string, stack: LocalStack, window: ReportWindow, log: (line: string) => void): Promise<ReportBench> {
  const readWindow = { startMs: window.start - CHANGE_LEAD_MS, endMs: window.end };
  const formats = {} as Record<Format, ReportFormatResult>;
  let html = "";
  for (const format of FORMATS) {
    const { text, ...cold } = await coldReport(stack, window, format);
    if (format === "html") html = text;
    log(`report bench: ${format}, cold: ${cold.ms} ms, ${cold.bytes} bytes, ${cold.lookupEvents} LookupEvents`);
    const warm = await warmReports(dashboardUrl, stack, window, format);
    log(`report bench: ${format}, warm: p50 ${warm.p50Ms} ms, p95 ${warm.p95Ms} ms`);
    formats[format] = { cold, warm };
  }
  const listed = changesSchema.parse(JSON.parse((await getOk(dashboardUrl, `${tablePath}/changes?start=${window.start}&end=${window.end}`)).text));
  return {
    window: { ...window, hours: (window.end - window.start) / 3_600_000 },
    trail: { ...readWindow, ...eventsIn(stack, readWindow) },
    changesListed: listed.changes.length,
    html: {
      svgCharts: (html.match(/<svg\b/g) ?? []).length,
      // A self-contained report loads nothing: no src= or href= to another origin (links back to the dashboard are <a>).
      externalUrls: (html.match(/\b(?:src|srcset)=["']?https?:/gi) ?? []).length,
    },
    formats,
  };
}
