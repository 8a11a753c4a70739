"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useScopeOptions } from "@/components/layout/scope-context";
import { ErrorPanel } from "@/components/ui/error-panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableNameFilter } from "@/components/ui/table-name-filter";
import { TermHint } from "@/components/glossary/term-hint";
import { filterFleet } from "@/lib/fleet/fleet-rank";
import { FLEET_SORT_NAMES, fleetSortParam, parseFleetSort, sortFleet, type FleetSort } from "@/lib/fleet/fleet-sort";
import type { FleetResponse, FleetScopeResult, FleetTableRow } from "@/lib/fleet/fleet-types";
import { useSearchParamState } from "@/lib/hooks/use-search-param-state";
import { fleetQueries } from "@/lib/queries/fleet-queries";
import { allScopes, withScope } from "@/lib/scope/scope";
import { billingLabel, capacityLabel } from "@/lib/tables/describe-labels";
import { LastHourCells } from "../overview-metrics-cells";
import { VerdictLine } from "../verdict-line";
import { AlarmsInAlarmBadge } from "../alarms-in-alarm-badge";
import { FleetCardCost, FleetCostCells, FleetSortSelect, SortHeader } from "./fleet-cost-cells";

const tableHref = (row: FleetTableRow) => withScope(`/tables/${encodeURIComponent(row.name)}`, row);

/** Every account and region on one page, trouble first, with filters kept in the URL so a link reproduces the view. */
export function FleetView() {
  const options = useScopeOptions();
  const query = useQuery(fleetQueries.all());
  const [account, setAccount] = useSearchParamState("inAccount");
  const [region, setRegion] = useSearchParamState("inRegion");
  const [name, setName] = useSearchParamState("q");
  // Trouble first unless ?sort= asks for cost or savings (lib/fleet/fleet-sort.ts).
  const [sortText, setSortText] = useSearchParamState("sort");
  const sort = parseFleetSort(sortText || null);
  const onSort = (next: FleetSort) => setSortText(fleetSortParam(next));

  const scopes = allScopes(options);
  const regions = [...new Set(scopes.map((scope) => scope.region))];
  const data = query.data;
  const rows = data ? sortFleet(filterFleet(data.tables, { account: account || null, region: region || null, name }), sort) : [];

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Fleet</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Every table in {options.accounts.length} account{options.accounts.length === 1 ? "" : "s"} and {scopes.length} account–region pair{scopes.length === 1 ? "" : "s"},{" "}
            {sort ? `by ${FLEET_SORT_NAMES[sort.key]}, ${sort.direction === "desc" ? "highest" : "lowest"} first. ` : "the worst trouble first. "}
            Each line shows the same verdict as the table&apos;s own page for the last hour. <Link href="/" className="text-sky-700 hover:underline dark:text-sky-400">One region&apos;s overview</Link>
          </p>
        </div>
        <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
          <FilterSelect label="Account" value={account} onChange={setAccount} values={options.accounts.map((entry) => entry.name)} />
          <FilterSelect label="Region" value={region} onChange={setRegion} values={regions} />
          <TableNameFilter value={name} onChange={setName} label="Filter by table name" className="w-full sm:w-64" />
          <FleetSortSelect sort={sort} onSort={onSort} />
        </div>
      </div>

      {query.isPending ? <Reading count={scopes.length} /> : null}
      {query.isError ? <ErrorPanel title="Could not read the fleet" message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {data ? <ScopeProblems scopes={data.scopes} /> : null}
      {data ? <FleetCounts data={data} shown={rows.length} /> : null}
      {data && data.tables.length > 0 && rows.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No table matches these filters.</p> : null}
      {data && data.tables.length === 0 && data.scopes.some((scope) => scope.ok) ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No tables in any account and region that could be read. Check ACCOUNTS_FILE&apos;s regions and table patterns.
        </div>
      ) : null}
      {rows.length > 0 ? (
        <>
          <FleetGrid rows={rows} sort={sort} onSort={onSort} />
          <FleetCards rows={rows} />
        </>
      ) : null}
    </div>
  );
}

function FilterSelect({ label, value, onChange, values }: { label: string; value: string; onChange: (value: string) => void; values: string[] }) {
  return (
    <label className="inline-flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
      {label}
      <select aria-label={`Only ${label.toLowerCase()}`} value={value} onChange={(event) => onChange(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900">
        <option value="">all</option>
        {values.map((entry) => (
          <option key={entry} value={entry}>
            {entry}
          </option>
        ))}
      </select>
    </label>
  );
}

function Reading({ count }: { count: number }) {
  return (
    <div aria-busy="true" aria-label="Reading the fleet" className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">Reading {count} account–region pair{count === 1 ? "" : "s"} in parallel…</p>
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-12 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}

/** Failed accounts and regions first, each with its reason: the rest of the fleet is still listed below. */
function ScopeProblems({ scopes }: { scopes: FleetScopeResult[] }) {
  const failed = scopes.filter((scope) => !scope.ok);
  const partial = scopes.filter((scope) => scope.ok && (scope.metricsError || scope.diagnosisError));
  if (failed.length === 0 && partial.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="fleet-scope-problems">
      {failed.map((scope) => (
        <div key={`${scope.account}/${scope.region}`} role="alert" data-testid="fleet-scope-failed" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200">
          <span className="font-semibold">
            {scope.account} · {scope.region} could not be read.
          </span>{" "}
          {scope.ok ? null : scope.error} Its tables are missing from this list; every other account and region is shown.
        </div>
      ))}
      {partial.map((scope) =>
        scope.ok ? (
          <p key={`${scope.account}/${scope.region}`} className="text-sm text-amber-800 dark:text-amber-300">
            {scope.account} · {scope.region}: {[scope.metricsError, scope.diagnosisError].filter(Boolean).join(" ")}
          </p>
        ) : null,
      )}
    </div>
  );
}

function FleetCounts({ data, shown }: { data: FleetResponse; shown: number }) {
  const bySeverity = (severity: string) => data.tables.filter((row) => row.verdict?.severity === severity).length;
  const read = data.scopes.filter((scope) => scope.ok).length;
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="fleet-counts">
      {data.tables.length} tables in {read} of {data.scopes.length} account–region pairs · <span className="text-rose-700 dark:text-rose-400">{bySeverity("critical")} critical</span> ·{" "}
      <span className="text-amber-700 dark:text-amber-400">{bySeverity("warning")} warning</span>
      {shown !== data.tables.length ? ` · ${shown} shown` : null}
    </p>
  );
}

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";
const td = "px-3 py-2.5 align-top";

function FleetGrid({ rows, sort, onSort }: { rows: FleetTableRow[]; sort: FleetSort; onSort: (next: FleetSort) => void }) {
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" data-testid="fleet-table">
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950">
          <tr>
            <th className={th}>Account</th>
            <th className={th}>Region</th>
            <th className={th}>Table · worst verdict</th>
            <th className={th}>Status</th>
            <th className={th}>
              Capacity <TermHint term="rcu" label="What capacity means" />
            </th>
            <th className={th}>Last hour</th>
            <th className={th}>
              Peak use <TermHint term="utilization" label="What peak use means" />
            </th>
            <th className={th}>
              Throttles <TermHint term="throttling" label="What throttling means" />
            </th>
            <SortHeader sortKey="cost" label="Monthly cost" sort={sort} onSort={onSort} className={th} />
            <SortHeader sortKey="savings" label="Potential savings" sort={sort} onSort={onSort} className={th} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={`${row.account}/${row.region}/${row.name}`} data-testid="fleet-row" data-account={row.account} data-region={row.region} data-table={row.name}>
              <td className={`${td} font-mono text-xs whitespace-nowrap`}>{row.account}</td>
              <td className={`${td} font-mono text-xs whitespace-nowrap`}>{row.region}</td>
              <td className={td}>
                <Link href={tableHref(row)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                  {row.name}
                </Link>
                <AlarmsInAlarmBadge count={row.alarmsInAlarm} />
                {row.error ? <p className="mt-1 text-xs text-rose-700 dark:text-rose-400">{row.error.message}</p> : <VerdictLine verdict={row.verdict} />}
              </td>
              <td className={td}>{row.detail ? <StatusBadge status={row.detail.status} /> : "—"}</td>
              <td className={`${td} text-xs`}>
                {row.detail ? (
                  <>
                    <div>{billingLabel(row.detail.billingMode)}</div>
                    <div className="text-slate-500">{capacityLabel(row.detail, row.detail.billingMode)}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
              {row.metrics ? <LastHourCells metrics={row.metrics} name={`${row.account}-${row.region}-${row.name}`} /> : <td className={`${td} text-xs text-slate-400`} colSpan={3}>no metrics</td>}
              <FleetCostCells row={row} className={td} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FleetCards({ rows }: { rows: FleetTableRow[] }) {
  return (
    <ul className="space-y-3 md:hidden" data-testid="fleet-cards">
      {rows.map((row) => (
        <li key={`${row.account}/${row.region}/${row.name}`} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid="fleet-card">
          <div className="flex items-start justify-between gap-2">
            <Link href={tableHref(row)} className="min-w-0 font-medium break-all text-sky-700 hover:underline dark:text-sky-400">
              {row.name}
            </Link>
            {row.detail ? <StatusBadge status={row.detail.status} /> : null}
          </div>
          <p className="mt-0.5 font-mono text-xs text-slate-500">
            {row.account} · {row.region}
          </p>
          <AlarmsInAlarmBadge count={row.alarmsInAlarm} />
          {row.error ? <p className="mt-1 text-xs text-rose-700 dark:text-rose-400">{row.error.message}</p> : <VerdictLine verdict={row.verdict} />}
          {row.detail ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{`${billingLabel(row.detail.billingMode)} · ${capacityLabel(row.detail, row.detail.billingMode)}`}</p> : null}
          {row.metrics ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{row.metrics.trouble.reason}</p> : null}
          <FleetCardCost row={row} />
        </li>
      ))}
    </ul>
  );
}
