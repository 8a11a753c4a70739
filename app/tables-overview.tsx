"use client";

import { useScope } from "@/components/layout/scope-context";
import { useQuery } from "@tanstack/react-query";
import { ScopedLink as Link } from "@/components/layout/scoped-link";
import { TableNameFilter } from "@/components/ui/table-name-filter";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import type { GlossaryTermId } from "@/lib/glossary/glossary-terms";
import { Badge, StatusBadge } from "@/components/ui/status-badge";
import { useSearchParamState } from "@/lib/hooks/use-search-param-state";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCompact } from "@/lib/format/format-count";
import type { DiagnosisOverviewResponse } from "@/lib/diagnosis/diagnosis-response";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";
import { metricsQueries } from "@/lib/queries/metrics-queries";
import { VerdictLine } from "./verdict-line";
import { tablesQueries } from "@/lib/queries/tables-queries";
import type { TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import { LastHourCells, percent, throttleText } from "./overview-metrics-cells";
import { billingLabel, capacityLabel, indexesLabel, keySchemaLabel, ttlLabel } from "@/lib/tables/describe-labels";
import type { TableListEntry } from "@/lib/tables/table-detail";
import { OverviewSummary } from "./overview-summary";
import { AlarmsInAlarmBadge } from "./alarms-in-alarm-badge";

function tableHref(name: string): string {
  return `/tables/${encodeURIComponent(name)}`;
}

export function TablesOverview() {
  const scope = useScope();
  const query = useQuery(tablesQueries.list(scope));
  // Metrics load separately: if CloudWatch is down, the table list still shows.
  const metrics = useQuery(metricsQueries.overview(scope));
  const verdicts = useQuery(diagnosisQueries.overview(scope));
  const [filter, setFilter] = useSearchParamState("q");

  const entries = query.data?.tables ?? [];
  const needle = filter.trim().toLowerCase();
  const order = metrics.data?.order ?? [];
  const worst = verdicts.data?.tables ?? {};
  // An on-call triage list: most paging alarms in ALARM first (on-call starts from the alarm), then worst verdict, then
  // the metrics' own ranking; tables none of these covers keep their place.
  const firing = (name: string) => worst[name]?.alarmsInAlarm ?? 0;
  const ranked = [...entries].sort((a, b) => firing(b.name) - firing(a.name) || severityRank(worst[a.name]?.severity) - severityRank(worst[b.name]?.severity) || rank(order, a.name) - rank(order, b.name));
  const visible = needle ? ranked.filter((entry) => entry.name.toLowerCase().includes(needle)) : ranked;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Tables</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {query.data ? `${entries.length} table${entries.length === 1 ? "" : "s"} in ${query.data.region} (account ${query.data.account}). ` : null}
            Item counts and sizes are approximate: DynamoDB refreshes them about every six hours.
          </p>
        </div>
        <TableNameFilter value={filter} onChange={setFilter} label="Filter tables" className="w-full gap-2 sm:w-72" />
      </div>

      {query.data ? <OverviewSummary entries={entries} metrics={metrics.data?.tables} alarmsInAlarm={Object.fromEntries(Object.entries(worst).map(([name, line]) => [name, line?.alarmsInAlarm ?? null]))} /> : null}
      {metrics.isError ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">Last-hour metrics are unavailable: {metrics.error.message}</p>
      ) : null}

      {query.isPending ? <LoadingRows /> : null}
      {query.isError ? (
        <ErrorPanel title="Could not list tables" message={query.error.message} onRetry={() => void query.refetch()} />
      ) : null}
      {query.data && entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          <p className="font-medium text-slate-900 dark:text-slate-100">No tables in {query.data.region}.</p>
          <p className="mt-1">Check the region the server is configured for, and the TABLES pattern if one is set.</p>
        </div>
      ) : null}
      {query.data && entries.length > 0 && visible.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No table name contains “{filter}”.</p>
      ) : null}
      {visible.length > 0 ? (
        <>
          <TablesGrid entries={visible} metrics={metrics.data?.tables} verdicts={worst} />
          <TableCards entries={visible} metrics={metrics.data?.tables} verdicts={worst} />
        </>
      ) : null}
    </div>
  );
}

function LoadingRows() {
  return (
    <div aria-busy="true" aria-label="Loading tables" className="space-y-2">
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-12 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";
const td = "px-3 py-2.5 align-top";

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2, ok: 3 } as const;
const severityRank = (severity: keyof typeof SEVERITY_RANK | undefined) => (severity === undefined ? 4 : SEVERITY_RANK[severity]);

function rank(order: readonly string[], name: string): number {
  const position = order.indexOf(name);
  return position === -1 ? order.length : position;
}

type OverviewMetricsByTable = Record<string, TableOverviewMetrics> | undefined;

type WorstVerdicts = DiagnosisOverviewResponse["tables"];

function MetricHeader({ label, term, hintLabel, right }: { label: string; term: GlossaryTermId; hintLabel?: string; right?: boolean }) {
  return (
    <th className={`${th} ${right ? "text-right" : ""}`}>
      <span className="inline-flex items-center gap-1">
        {label}
        <TermHint term={term} label={hintLabel ?? `What “${label.replace(" ≈", "")}” means`} />
      </span>
    </th>
  );
}

function TablesGrid({ entries, metrics, verdicts }: { entries: TableListEntry[]; metrics: OverviewMetricsByTable; verdicts: WorstVerdicts }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" data-testid="tables-grid">
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th className={th}>Table</th>
            <th className={th}>Status</th>
            <MetricHeader label="Capacity" term="capacity" />
            <MetricHeader label="Last hour" term="rcu" hintLabel="What the last-hour line shows" />
            <MetricHeader label="Peak use" term="utilization" />
            <MetricHeader label="Throttling" term="throttling" />
            <MetricHeader label="Items ≈" term="approximate-counts" right />
            <MetricHeader label="Size ≈" term="approximate-counts" right />
            <MetricHeader label="Keys" term="partition-key" />
            <MetricHeader label="Indexes" term="gsi" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {entries.map((entry) => (
            <tr key={entry.name} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className={td}>
                <Link href={tableHref(entry.name)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {entry.name}
                </Link>
                <AlarmsInAlarmBadge count={verdicts[entry.name]?.alarmsInAlarm} />
                <VerdictLine verdict={verdicts[entry.name] ?? null} />
                {entry.detail?.deletionProtection ? (
                  <span className="ml-2 text-xs text-slate-500" title="Deletion protection is on">
                    protected
                  </span>
                ) : null}
              </td>
              {entry.detail ? (
                <>
                  <td className={td}>
                    <StatusBadge status={entry.detail.status} />
                  </td>
                  <td className={td}>
                    <div>{billingLabel(entry.detail.billingMode)}</div>
                    <div className="text-xs text-slate-500">{capacityLabel(entry.detail, entry.detail.billingMode)}</div>
                  </td>
                  <LastHourCells metrics={metrics?.[entry.name]} name={entry.name} />
                  <td className={`${td} text-right tabular-nums`}>{entry.detail.itemCount === null ? "—" : formatCompact(entry.detail.itemCount)}</td>
                  <td className={`${td} text-right tabular-nums`}>{entry.detail.sizeBytes === null ? "—" : formatBytes(entry.detail.sizeBytes)}</td>
                  <td className={`${td} font-mono text-xs`}>{keySchemaLabel(entry.detail.keys)}</td>
                  <td className={td}>{indexesLabel(entry.detail)}</td>
                </>
              ) : (
                <td className={`${td} text-rose-700 dark:text-rose-400`} colSpan={9}>
                  Could not describe: {entry.error.message}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TableCards({ entries, metrics, verdicts }: { entries: TableListEntry[]; metrics: OverviewMetricsByTable; verdicts: WorstVerdicts }) {
  return (
    <ul className="space-y-3 md:hidden" data-testid="tables-cards">
      {entries.map((entry) => (
        <li key={entry.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="flex items-center justify-between gap-2">
            <Link href={tableHref(entry.name)} className="truncate font-medium text-sky-700 hover:underline dark:text-sky-400">
              {entry.name}
            </Link>
            {entry.detail ? <StatusBadge status={entry.detail.status} /> : <Badge tone="bad">error</Badge>}
          </div>
          <AlarmsInAlarmBadge count={verdicts[entry.name]?.alarmsInAlarm} />
          <VerdictLine verdict={verdicts[entry.name] ?? null} />
          {entry.detail ? (
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <CardField label="Capacity" term="capacity" value={`${billingLabel(entry.detail.billingMode)} · ${capacityLabel(entry.detail, entry.detail.billingMode)}`} wide />
              {metrics?.[entry.name] ? (
                <>
                  <CardField label="Throttling, last hour" term="throttling" value={throttleText(metrics[entry.name]?.throttles ?? { keyRange: null, provisioned: null, accountLimit: null, maxOnDemand: null, total: null })} wide />
                  <CardField label="Peak use, last hour" term="utilization" value={`R ${percent(metrics[entry.name]?.peakReadUtilization ?? null)} · W ${percent(metrics[entry.name]?.peakWriteUtilization ?? null)}`} wide />
                </>
              ) : null}
              <CardField label="Items ≈" term="approximate-counts" value={entry.detail.itemCount === null ? "—" : formatCompact(entry.detail.itemCount)} />
              <CardField label="Size ≈" term="approximate-counts" value={entry.detail.sizeBytes === null ? "—" : formatBytes(entry.detail.sizeBytes)} />
              <CardField label="Keys" term="partition-key" value={keySchemaLabel(entry.detail.keys)} mono wide />
              <CardField label="Indexes" term="gsi" value={indexesLabel(entry.detail)} />
              <CardField label="TTL" value={ttlLabel(entry.detail.ttl)} />
            </dl>
          ) : (
            <p className="mt-2 text-sm text-rose-700 dark:text-rose-400">Could not describe: {entry.error.message}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function CardField({ label, value, term, mono, wide }: { label: string; value: string; term?: GlossaryTermId; mono?: boolean; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="flex items-center gap-1 text-xs text-slate-500">
        {label}
        {term ? <TermHint term={term} label={`What “${label.replace(" ≈", "")}” means`} /> : null}
      </dt>
      <dd className={mono ? "font-mono text-xs break-all" : undefined}>{value}</dd>
    </div>
  );
}
