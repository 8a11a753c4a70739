"use client";

import { useScope } from "@/components/layout/scope-context";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ScopedLink } from "@/components/layout/scoped-link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { TermHint } from "@/components/glossary/term-hint";
import { ErrorPanel } from "@/components/ui/error-panel";
import { GLOSSARY, glossaryHref } from "@/lib/glossary/glossary-terms";
import { VERDICT_TERMS } from "@/lib/glossary/verdict-terms";
import type { Evidence, Verdict } from "@/lib/diagnosis/diagnosis-types";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { itemHref } from "@/lib/items/item-key";
import { windowQueryParams, REFRESH_MS, type CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";

const STYLE = {
  critical: { box: "border-rose-300 bg-rose-50 dark:border-rose-900 dark:bg-rose-950", badge: "bg-rose-600 text-white", label: "Critical" },
  warning: { box: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950", badge: "bg-amber-500 text-white", label: "Warning" },
  info: { box: "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950", badge: "bg-sky-600 text-white", label: "Info" },
  ok: { box: "border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950", badge: "bg-emerald-600 text-white", label: "OK" },
} as const;

function EvidenceLinkView({ table, evidence }: { table: string; evidence: Evidence }) {
  const link = evidence.link;
  if (!link) return null;
  if (link.kind === "chart") {
    // Replication series (ids "replica/<region>/…") have their own charts, under the capacity charts.
    return (
      <a href={link.seriesId.startsWith("replica/") ? "#replication-heading" : "#capacity-heading"} className="ml-2 text-sky-700 hover:underline dark:text-sky-400">
        chart
      </a>
    );
  }
  if (link.kind === "partition") {
    const params = viewStateToParams({ ...DEFAULT_VIEW_STATE, index: link.index, pk: link.key });
    return (
      <ScopedLink href={`/tables/${encodeURIComponent(table)}/items?${params.toString()}`} className="ml-2 text-sky-700 hover:underline dark:text-sky-400">
        open partition
      </ScopedLink>
    );
  }
  return (
    <ScopedLink href={itemHref(table, link.key)} className="ml-2 text-sky-700 hover:underline dark:text-sky-400">
      open item
    </ScopedLink>
  );
}

function VerdictCard({ table, verdict, open }: { table: string; verdict: Verdict; open: boolean }) {
  const [expanded, setExpanded] = useState(open);
  const style = STYLE[verdict.severity];
  const terms = VERDICT_TERMS[verdict.kind];
  return (
    <li className={`rounded-lg border p-3 ${style.box}`} data-testid="verdict" data-kind={verdict.kind} data-severity={verdict.severity}>
      <div className="flex flex-wrap items-start gap-2">
        <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide uppercase ${style.badge}`}>{style.label}</span>
        <p className="order-last w-full font-medium sm:order-none sm:w-auto sm:min-w-0 sm:flex-1">
          {verdict.title} <TermHint term={terms[0]} label={`What “${GLOSSARY[terms[0]].term}” means`} />
        </p>
        <button type="button" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} className="ml-auto text-xs text-sky-700 hover:underline dark:text-sky-400 sm:ml-0">
          {expanded ? "Hide evidence" : `Evidence (${verdict.evidence.length})`}
        </button>
      </div>
      {verdict.action ? (
        // The one next step the verdict can take itself: it reads, never changes the table.
        <ScopedLink href={verdict.action.path} className="mt-2 inline-block rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800" data-testid="verdict-action">
          {verdict.action.label}
        </ScopedLink>
      ) : null}
      {expanded ? (
        <div className="mt-2 space-y-2 text-sm">
          <ul className="list-disc space-y-1 pl-5">
            {verdict.evidence.map((evidence) => (
              <li key={evidence.label}>
                {evidence.label}
                <span className="ml-1 text-xs text-slate-500">({evidence.source.replaceAll("-", " ")})</span>
                <EvidenceLinkView table={table} evidence={evidence} />
              </li>
            ))}
          </ul>
          <p>
            <span className="font-semibold">What to do: </span>
            {verdict.suggestion}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="verdict-terms">
            <span className="font-semibold">Terms used: </span>
            {terms.map((term, index) => (
              <span key={term}>
                {index > 0 ? ", " : null}
                <Link href={glossaryHref(term)} className="text-sky-700 hover:underline dark:text-sky-400">
                  {GLOSSARY[term].term}
                </Link>
              </span>
            ))}
          </p>
        </div>
      ) : null}
    </li>
  );
}

function clock(ms: number, tz: CapacityViewState["tz"]): string {
  return new Date(ms).toLocaleTimeString("en-GB", { timeZone: tz === "UTC" ? "UTC" : undefined, hour: "2-digit", minute: "2-digit" });
}

/**
 * The first thing on the table page: what is wrong, in plain sentences, each with its evidence one click away. A link
 * that names no time range asks the diagnosis for its own window, so a firing alarm's incident sets it.
 */
export function VerdictsPanel({ table, capacity, update }: { table: string; capacity: CapacityViewState; update: (patch: Partial<CapacityViewState>) => void }) {
  const scope = useScope();
  const search = useSearchParams();
  const windowNamed = search.has("range") || search.has("start") || search.has("end");
  const params = useMemo(() => (windowNamed ? windowQueryParams(capacity) : new URLSearchParams()), [capacity, windowNamed]);
  const query = useQuery(diagnosisQueries.table(scope, table, params, REFRESH_MS[capacity.refresh]));
  if (query.isPending) return <div aria-busy="true" className="h-14 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />;
  if (query.isError) return <ErrorPanel title="Could not diagnose this table" message={query.error.message} onRetry={() => void query.refetch()} />;
  const { verdicts, inputs, window, windowSource } = query.data;
  const missing = [
    inputs.metrics.ok ? null : `CloudWatch metrics (${inputs.metrics.error})`,
    inputs.contributorInsights.ok ? null : `Contributor Insights (${inputs.contributorInsights.error})`,
    inputs.alarms && !inputs.alarms.ok ? `alarms (${inputs.alarms.error})` : null,
    inputs.scaling && !inputs.scaling.ok ? `auto scaling (${inputs.scaling.error})` : null,
  ].filter((entry): entry is string => entry !== null);
  return (
    <section aria-label="Diagnosis" className="space-y-2" data-testid="verdicts">
      {windowSource.kind === "alarm" ? (
        <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700 dark:text-slate-300" data-testid="incident-window">
          <span>
            Diagnosing the incident: from {clock(window.start, capacity.tz)} (before “{windowSource.alarm}” fired) to now{capacity.tz === "UTC" ? " UTC" : ""}.
          </span>
          <button type="button" className="text-sky-700 hover:underline dark:text-sky-400" onClick={() => update({ start: window.start, end: window.end })}>
            Show this window on the charts
          </button>
        </p>
      ) : null}
      <ul className="space-y-2">
        {verdicts.map((verdict, index) => (
          <VerdictCard key={`${verdict.kind}-${verdict.key ?? ""}-${verdict.index ?? ""}-${index}`} table={table} verdict={verdict} open={index === 0 && verdict.severity === "critical"} />
        ))}
      </ul>
      <p className="text-xs text-slate-500">
        Based on {inputs.metrics.ok ? "CloudWatch metrics" : "no metrics"}
        {inputs.contributorInsights.ok ? `, Contributor Insights (${inputs.contributorInsights.enabled} enabled)` : ""}
        {inputs.alarms?.ok ? `, alarms (${inputs.alarms.inAlarm} in ALARM)` : ""}
        {inputs.scaling?.ok ? `, auto scaling (${inputs.scaling.targets === 0 ? "none" : `${inputs.scaling.targets} target${inputs.scaling.targets === 1 ? "" : "s"}`})` : ""}
        {inputs.keySample ? `, a key sample from ${new Date(inputs.keySample.finishedAt).toLocaleString()}` : ""}
        {inputs.sizeAudit ? `, a size audit from ${new Date(inputs.sizeAudit.finishedAt).toLocaleString()}` : ""}.
        {missing.length > 0 ? ` Missing: ${missing.join("; ")}.` : ""}
      </p>
    </section>
  );
}
