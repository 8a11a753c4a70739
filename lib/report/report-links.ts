/**
 * Links from a report back to the live views, built the way the pages build theirs (withScope, the items view state),
 * so a link opens the same table, scope and minutes the report froze. Client-safe, pure.
 */
import type { EvidenceLink } from "@/lib/diagnosis/diagnosis-types";
import { itemHref } from "@/lib/items/item-key";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { withScope } from "@/lib/scope/scope";
import type { ReportModel } from "./report-model";

type LinkContext = Pick<ReportModel, "table" | "scope" | "window" | "origin"> & { keysDigested?: boolean };

const absolute = (context: LinkContext, path: string) => `${context.origin ?? ""}${withScope(path, context.scope)}`;

/** The table page over the report's window; `gsi` picks the GSI its capacity charts show. */
export function tablePageHref(context: LinkContext, gsi: string | null = null): string {
  const params = new URLSearchParams({ start: String(context.window.start), end: String(context.window.end) });
  if (gsi) params.set("gsi", gsi);
  return absolute(context, `/tables/${encodeURIComponent(context.table)}?${params.toString()}`);
}

/** The items browser on one partition of the table or a GSI. */
export function partitionHref(context: LinkContext, index: string | null, key: string): string {
  return absolute(context, `/tables/${encodeURIComponent(context.table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, index, pk: key }).toString()}`);
}

/** The report chart an evidence series is drawn on: "table" or the GSI, and reads, writes, throttles or requests. */
export function chartAnchor(resource: string | null, chart: string): string {
  return `chart-${resource === null ? "table" : `gsi-${resource}`}-${chart}`.replace(/[^A-Za-z0-9_-]/g, "-");
}

function seriesChart(seriesId: string): { resource: string | null; chart: string } | null {
  const [scopePart = "", ...rest] = seriesId.split("/");
  const resource = scopePart === "table" ? null : scopePart.startsWith("gsi:") ? scopePart.slice(4) : undefined;
  if (resource === undefined) return null;
  // Per-operation series ("table/op:Scan/…") are drawn on the requests chart.
  if (rest[0]?.startsWith("op:")) return { resource: null, chart: "requests" };
  const metric = rest[0] ?? "";
  if (/Throttle/.test(metric)) return { resource, chart: "throttles" };
  if (/Read/.test(metric)) return { resource, chart: "reads" };
  if (/Write/.test(metric)) return { resource, chart: "writes" };
  return null;
}

/**
 * Where a verdict's evidence link goes: the chart in this report (an anchor), or the partition or item in the live
 * browser. Null when there is nowhere to go (a digested key opens nothing).
 */
export function evidenceHref(context: LinkContext, link: EvidenceLink | undefined, chartIds: ReadonlySet<string>): { href: string; text: string } | null {
  if (!link) return null;
  if (link.kind === "chart") {
    const target = seriesChart(link.seriesId);
    const anchor = target ? chartAnchor(target.resource, target.chart) : null;
    return anchor && chartIds.has(anchor) ? { href: `#${anchor}`, text: "chart" } : null;
  }
  // A digest opens nothing in the browser (and a raw key must not reach a viewer through a link either).
  if (context.keysDigested) return null;
  if (link.kind === "partition") return { href: partitionHref(context, link.index, link.key), text: "open partition" };
  return { href: `${context.origin ?? ""}${withScope(itemHref(context.table, link.key), context.scope)}`, text: "open item" };
}
