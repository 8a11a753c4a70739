import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { parseInstant } from "@/lib/metrics/time-range";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/report/report-model";
import { parseInput } from "@/lib/server/http/route-helpers";

/** A report covers at most the longest range the live page offers; a longer one would be a different document. */
export const MAX_REPORT_WINDOW_MS = 14 * 86_400_000;

const instant = (name: string) =>
  z
    .string({ error: `${name} is required: a report freezes an absolute window (epoch milliseconds or an ISO 8601 time with a zone).` })
    .transform((text, context) => {
      const ms = parseInstant(text);
      if (ms === null) context.addIssue({ code: "custom", message: `${name} must be epoch milliseconds or an ISO 8601 time with a zone, e.g. 2025-01-31T14:00:00Z.` });
      return ms ?? 0;
    });

const schema = z.object({
  start: instant("start"),
  end: instant("end"),
  format: z.enum(REPORT_FORMATS, { error: `format must be one of ${REPORT_FORMATS.join(", ")}.` }).default("html"),
  range: z.undefined({ error: "A report's window is absolute: give start and end, not range." }).optional(),
});

export type ReportParams = {
  /** The window as asked for (epoch ms, end exclusive), before alignment. */
  requested: { start: number; end: number };
  /** The same window resolved as the metrics route would: aligned to its period, validated against retention. */
  window: MetricWindow;
  format: ReportFormat;
};

/** `?start=&end=&format=`: both ends required and absolute; anything wrong, or longer than two weeks, is a 400 that says what. */
export function parseReportParams(url: URL, nowMs: number): ReportParams {
  const params = parseInput(schema, Object.fromEntries(url.searchParams));
  if (params.end - params.start > MAX_REPORT_WINDOW_MS) throw new AppError("BAD_REQUEST", "The window is longer than two weeks; a report covers at most 14 days.");
  const resolved = resolveMetricWindow({ startMs: params.start, endMs: params.end }, nowMs);
  if (!resolved.ok) throw new AppError("BAD_REQUEST", resolved.message);
  return { requested: { start: params.start, end: params.end }, window: resolved.window, format: params.format };
}
