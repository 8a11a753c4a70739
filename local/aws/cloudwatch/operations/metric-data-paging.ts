import { z } from "zod";

export type Point = { timestampMs: number; value: number };

/** One query's whole answer, its points already in ScanBy order. */
export type QuerySeries = { id: string; label: string; points: Point[] };

/**
 * Where a query stands between pages: not started (null), delivered up to and including a
 * timestamp, or fully delivered. Timestamps rather than counts, so that data arriving between pages
 * can't shift a page boundary and repeat or skip a datapoint.
 */
export type Cursor = null | number | "done";
export const cursorsSchema = z.array(z.union([z.null(), z.number(), z.literal("done")]));

export type PagedSeries = QuerySeries & { complete: boolean };

/**
 * Fills one GetMetricData page: queries in request order, each taking what is left of the page's
 * MaxDatapoints budget. A query cut short is PartialData and the returned cursors resume it exactly;
 * `next` is undefined when every query is complete.
 */
export function pageSeries(
  series: QuerySeries[],
  cursors: Cursor[],
  scanBy: "TimestampAscending" | "TimestampDescending",
  maxDatapoints: number,
): { page: PagedSeries[]; next: Cursor[] | undefined } {
  let budget = maxDatapoints;
  const next: Cursor[] = [];
  const page = series.map((query, index): PagedSeries => {
    const cursor = cursors[index] ?? null;
    const remaining =
      cursor === "done"
        ? []
        : cursor === null
          ? query.points
          : query.points.filter((point) => (scanBy === "TimestampAscending" ? point.timestampMs > cursor : point.timestampMs < cursor));
    const taken = remaining.slice(0, Math.max(0, budget));
    budget -= taken.length;
    const complete = taken.length === remaining.length;
    const last = taken[taken.length - 1];
    next.push(complete ? "done" : last ? last.timestampMs : cursor);
    return { ...query, points: taken, complete };
  });
  return { page, next: page.every((query) => query.complete) ? undefined : next };
}
