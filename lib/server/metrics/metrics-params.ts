import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { BASELINE_OFFSETS, type BaselineOffset } from "@/lib/metrics/baseline-window";
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { METRIC_RANGES, parseInstant } from "@/lib/metrics/time-range";
import { indexNameSchema } from "@/lib/tables/table-name";
import { parseInput } from "@/lib/server/http/route-helpers";

// `?start=&end=` (empty) means "not given", as a form or a link builder would send it.
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const instant = (name: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((text, context) => {
        const ms = parseInstant(text);
        if (ms === null) context.addIssue({ code: "custom", message: `${name} must be epoch milliseconds or an ISO 8601 time with a zone, e.g. 2025-01-31T14:00:00Z.` });
        return ms ?? 0;
      })
      .optional(),
  );

const paramsSchema = z.object({
  range: z.preprocess(emptyAsUndefined, z.enum(METRIC_RANGES, { error: `range must be one of ${METRIC_RANGES.join(", ")}.` }).optional()),
  start: instant("start"),
  end: instant("end"),
  index: z.preprocess(emptyAsUndefined, indexNameSchema.optional()),
  compare: z.preprocess(emptyAsUndefined, z.enum(BASELINE_OFFSETS, { error: `compare must be one of ${BASELINE_OFFSETS.join(", ")}.` }).optional()),
});

export type MetricsParams = {
  window: MetricWindow;
  index: string | null;
  /** Whether the request named its window (range, start or end); false when the window is the default one. */
  windowGiven?: boolean;
  /** The baseline the metrics API adds (`compare=1d|1w`); null or absent: none. */
  compare?: BaselineOffset | null;
};

/** The metrics query string as a validated, aligned window; anything wrong is a 400 that says what. */
export function parseMetricsParams(url: URL, nowMs: number): MetricsParams {
  const params = parseInput(paramsSchema, Object.fromEntries(url.searchParams));
  const resolved = resolveMetricWindow({ range: params.range, startMs: params.start, endMs: params.end }, nowMs);
  if (!resolved.ok) throw new AppError("BAD_REQUEST", resolved.message);
  const windowGiven = params.range !== undefined || params.start !== undefined || params.end !== undefined;
  return { window: resolved.window, index: params.index ?? null, windowGiven, compare: params.compare ?? null };
}
