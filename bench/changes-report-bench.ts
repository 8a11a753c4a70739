import type { LocalStack } from "../local/stack/local-stack";
import { TABLE } from "./changes-report-shared";
import { benchReport, lastHours, type ReportBench, type ReportWindow } from "./changes-report-render";
import { benchChangeViews, VIEWERS, type ViewsBench, type ViewsRun } from "./changes-report-views";

/*
 * Issue 14's figures: the CloudTrail LookupEvents calls behind 50 viewers of one table (changes-report-views.ts) and
 * the time to render an incident report over a 3-hour window (changes-report-render.ts). Run on a stack with 3 hours
 * of history (changes-report-stack.ts), so the report's window has traffic, throttling, alarms, scaling and changes.
 */

export type ChangesReportBench = {
  table: string;
  /** The stack's simulated history, which the report's window lies in; null on a stack without one. */
  history: { minutes: number; requests: number } | null;
  changes: ViewsBench & { ratio: number | null };
  report: ReportBench;
};

/**
 * Runs both parts on `stack` (cold runs each on a fresh `next start`, warm ones on `dashboardUrl`). The report covers
 * `reportWindow`, by default the 3 hours ending at the last whole minute: on a stack without history that window
 * holds only what happened since the stack started.
 */
export async function benchChangesReport(dashboardUrl: string, stack: LocalStack, log: (line: string) => void, reportWindow: ReportWindow = lastHours()): Promise<ChangesReportBench> {
  const changes = await benchChangeViews(dashboardUrl, stack, log);
  const report = await benchReport(dashboardUrl, stack, reportWindow, log);
  const { oneViewer, fiftyViewers } = changes.cold;
  return {
    table: TABLE,
    history: stack.history ? { minutes: Math.round(stack.history.simulatedSeconds / 60), requests: stack.history.requests } : null,
    changes: { ...changes, ratio: oneViewer.lookupEvents > 0 ? Math.round((fiftyViewers.lookupEvents / oneViewer.lookupEvents) * 100) / 100 : null },
    report,
  };
}

const latencyText = (run: ViewsRun) => `p50 ${run.latency.p50Ms} ms · p95 ${run.latency.p95Ms} ms (n=${run.latency.n})`;
const caveat = (run: ViewsRun) =>
  [run.crossedMinute ? "crossed a minute" : null, run.incompleteResponses > 0 ? `${run.incompleteResponses} partial histories: ${run.seen.incompleteReason ?? "?"}` : null, run.seen.diagnosisWindow === "alarm" ? "diagnosis on an alarm's window" : null]
    .filter((note): note is string => note !== null)
    .map((note) => ` [${note}]`)
    .join("");
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** The bench table's rows for this bench. */
export function changesReportRows(result: ChangesReportBench): Array<[string, string]> {
  const { cold, warm, ratio } = result.changes;
  const { report } = result;
  const { html, md } = report.formats;
  const events = Object.entries(report.trail.events)
    .map(([source, count]) => `${count} ${source.split(".")[0] ?? source}`)
    .join(" + ");
  return [
    [
      "LookupEvents per view (changes + diagnosis, 3 h), 1 viewer",
      `${cold.oneViewer.lookupEvents}, cold (${cold.oneViewer.expectedLookups} pages to read, one read per event source; ${cold.oneViewer.seen.changes} ${TABLE} change${cold.oneViewer.seen.changes === 1 ? "" : "s"} listed)${caveat(cold.oneViewer)}`,
    ],
    [`LookupEvents, ${VIEWERS} viewers`, `${cold.fiftyViewers.lookupEvents}, cold, ×${ratio ?? "?"} one viewer's${caveat(cold.fiftyViewers)}`],
    ["LookupEvents, warm", `${warm.oneViewer.lookupEvents} for 1 viewer × ${warm.oneViewer.viewsPerViewer} views, ${warm.fiftyViewers.lookupEvents} for ${VIEWERS} viewers${caveat(warm.oneViewer)}${caveat(warm.fiftyViewers)}`],
    ["changes + diagnosis requests, cold", `1 viewer ${latencyText(cold.oneViewer)} · ${VIEWERS} viewers ${latencyText(cold.fiftyViewers)}`],
    ["changes + diagnosis requests, warm", `1 viewer ${latencyText(warm.oneViewer)} · ${VIEWERS} viewers ${latencyText(warm.fiftyViewers)}`],
    [
      `report ${TABLE}, ${report.window.hours} h window`,
      `${clock(report.window.start)}–${clock(report.window.end)} UTC${result.history ? ` in ${result.history.minutes} min of history` : ", no history"}; ${events} CloudTrail events (${report.trail.expectedLookups} lookups), ${report.changesListed} listed for ${TABLE}; HTML ${(html.cold.bytes / 1024).toFixed(1)} KB, ${report.html.svgCharts} SVG charts, ${report.html.externalUrls} external URLs; Markdown ${(md.cold.bytes / 1024).toFixed(1)} KB`,
    ],
    [`report, cold (fresh dashboard)`, `html ${html.cold.ms} ms (${html.cold.lookupEvents} LookupEvents) · md ${md.cold.ms} ms (${md.cold.lookupEvents} LookupEvents)`],
    [`report, warm`, `html p50 ${html.warm.p50Ms} ms · p95 ${html.warm.p95Ms} ms · md p50 ${md.warm.p50Ms} ms · p95 ${md.warm.p95Ms} ms (n=${html.warm.n} each; ${html.warm.lookupEvents + md.warm.lookupEvents} LookupEvents)`],
  ];
}
