import { Sparkline } from "@/components/charts/sparkline";
import type { TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import { formatCount } from "@/lib/format/format-count";

const SEVERITY_STYLE = {
  critical: "text-rose-700 dark:text-rose-400",
  warning: "text-amber-700 dark:text-amber-400",
  ok: "text-slate-700 dark:text-slate-300",
  idle: "text-slate-500",
} as const;

export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/** Throttle totals by cause, biggest first, e.g. "1,204 key range · 30 provisioned"; "none" only when data says so. */
export function throttleText(throttles: TableOverviewMetrics["throttles"]): string {
  const causes: Array<{ label: string; count: number | null }> = [
    { label: "key range", count: throttles.keyRange },
    { label: "provisioned", count: throttles.provisioned },
    { label: "on-demand max", count: throttles.maxOnDemand },
    { label: "account limit", count: throttles.accountLimit },
  ];
  const parts = causes
    .flatMap(({ label, count }) => (count !== null && count > 0 ? [{ label, count }] : []))
    .sort((a, b) => b.count - a.count)
    .map(({ label, count }) => `${formatCount(Math.round(count))} ${label}`);
  return parts.length > 0 ? parts.join(" · ") : "none";
}

export function LastHourCells({ metrics, name }: { metrics: TableOverviewMetrics | undefined; name: string }) {
  if (!metrics) return <td className="px-3 py-2.5 text-xs text-slate-400" colSpan={3}>metrics loading…</td>;
  return (
    <>
      <td className="px-3 py-2.5 align-top">
        <Sparkline values={metrics.sparkline} label={`Consumed capacity of ${name} over the last hour`} />
      </td>
      <td className="px-3 py-2.5 align-top text-xs tabular-nums">
        <div>R {percent(metrics.peakReadUtilization)}</div>
        <div>W {percent(metrics.peakWriteUtilization)}</div>
      </td>
      <td className={`px-3 py-2.5 align-top text-xs ${SEVERITY_STYLE[metrics.trouble.severity]}`} data-testid={`throttles-${name}`}>
        <div className="font-medium">{throttleText(metrics.throttles)}</div>
        <div className="text-slate-500">{metrics.trouble.reason}</div>
      </td>
    </>
  );
}
