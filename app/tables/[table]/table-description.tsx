"use client";

import { Breadcrumbs, tableCrumbs } from "@/components/layout/breadcrumbs";
import { useQuery } from "@tanstack/react-query";
import { useScope, useScopeOptions } from "@/components/layout/scope-context";
import { ScopedLink as Link } from "@/components/layout/scoped-link";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import type { GlossaryTermId } from "@/lib/glossary/glossary-terms";
import { Badge, StatusBadge } from "@/components/ui/status-badge";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCount } from "@/lib/format/format-count";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { billingLabel, capacityLabel, keySchemaLabel, projectionLabel, streamLabel, ttlLabel } from "@/lib/tables/describe-labels";
import type { IndexDetail, TableDetail } from "@/lib/tables/table-detail";
import { tableHealth } from "@/lib/tables/table-health";
import { AlarmsAndScaling } from "./alarms/alarms-and-scaling";
import { CapacitySection } from "./capacity/capacity-section";
import { CostSection } from "./cost/cost-section";
import { ReportButton } from "./report/report-button";
import { useCapacityViewState } from "./capacity/use-capacity-view-state";
import { VerdictsPanel } from "./diagnosis/verdicts-panel";
import { GlobalTableCard } from "./global-table-card";
import { InsightsSection } from "./insights/insights-section";
import { KeySampleSection } from "./key-sample/key-sample-section";
import { SizeAuditSection } from "./size-audit/size-audit-section";

export function TableDescription({ table }: { table: string }) {
  const scope = useScope();
  const query = useQuery(tablesQueries.detail(scope, table));
  return (
    <div className="space-y-6">
      <Breadcrumbs crumbs={tableCrumbs(table)} />
      {query.isPending ? <div aria-busy="true" className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {query.isError ? <ErrorPanel title={`Could not describe ${table}`} message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <TableBody detail={query.data.table} /> : null}
    </div>
  );
}

function TableBody({ detail }: { detail: TableDetail }) {
  // The account and region this page reads, and the configured ones: the global table card links replicas to them.
  const scope = useScope();
  const scopeOptions = useScopeOptions();
  // One time range for the verdicts, the capacity charts and the hot keys, kept in the URL.
  const [capacity, updateCapacity] = useCapacityViewState();
  const averageItem = detail.itemCount && detail.sizeBytes !== null && detail.itemCount > 0 ? detail.sizeBytes / detail.itemCount : null;
  const indexes = [...detail.gsis, ...detail.lsis];
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{detail.name}</h1>
        <StatusBadge status={detail.status} />
        <Badge tone="neutral">{billingLabel(detail.billingMode)}</Badge>
        {detail.deletionProtection ? <Badge tone="neutral">deletion protection on</Badge> : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ReportButton table={detail.name} state={capacity} update={updateCapacity} />
        </div>
        <Link
          href={`/tables/${encodeURIComponent(detail.name)}/stream${capacity.tz === "local" ? "?tz=local" : ""}`}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          title={detail.stream.enabled ? "The table's latest writes, live, and which keys take the most writes" : "This table has no stream: what turning one on would show"}
          data-testid="stream-link"
        >
          Stream
        </Link>
        <Link
          href={`/tables/${encodeURIComponent(detail.name)}/items`}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
        >
          Browse items
        </Link>
      </header>

      <HealthLine detail={detail} />

      <VerdictsPanel table={detail.name} capacity={capacity} update={updateCapacity} />

      <AlarmsAndScaling table={detail.name} state={capacity} />

      <CapacitySection detail={detail} state={capacity} update={updateCapacity} />

      <CostSection table={detail.name} />

      <InsightsSection table={detail.name} capacity={capacity} />

      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card title="Capacity" term="capacity">
          <Stat label={detail.billingMode === "PROVISIONED" ? "Provisioned" : "On-demand maximum"} value={capacityLabel(detail, detail.billingMode)} />
        </Card>
        <Card title="Items" term="approximate-counts">
          <Stat label="Item count ≈" value={detail.itemCount === null ? "—" : formatCount(detail.itemCount)} />
          <Stat label="Table size ≈" value={detail.sizeBytes === null ? "—" : formatBytes(detail.sizeBytes)} />
          <Stat label="Average item ≈" value={averageItem === null ? "—" : formatBytes(averageItem)} />
        </Card>
        <Card title="Primary key" term="partition-key">
          <Stat label="Partition key" value={`${detail.keys.partitionKey.name} (${detail.keys.partitionKey.type})`} mono />
          <Stat label="Sort key" value={detail.keys.sortKey ? `${detail.keys.sortKey.name} (${detail.keys.sortKey.type})` : "none"} mono />
        </Card>
        <Card title="Settings">
          <Stat label="Time to live" value={ttlLabel(detail.ttl)} mono={detail.ttl?.status === "ENABLED"} />
          <Stat label="Stream" value={streamLabel(detail.stream)} />
          <Stat label="Table class" value={detail.tableClass.toLowerCase().replaceAll("_", " ")} />
          <Stat label="Encryption" value={detail.encryption} />
        </Card>
      </div>

      {detail.replicas.length > 0 ? <GlobalTableCard detail={detail} scope={scope} scopeOptions={scopeOptions} /> : null}

      <section aria-labelledby="indexes-heading" className="space-y-3">
        <h2 id="indexes-heading" className="flex items-center gap-2 text-lg font-semibold">
          Secondary indexes
          <TermHint term="gsi" label="What secondary indexes are" />
        </h2>
        {indexes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">This table has no secondary indexes.</p>
        ) : (
          <IndexList indexes={indexes} billingMode={detail.billingMode} />
        )}
      </section>

      <KeySampleSection detail={detail} />

      <SizeAuditSection detail={detail} />

      <section aria-labelledby="identity-heading" className="space-y-2 text-sm">
        <h2 id="identity-heading" className="text-lg font-semibold">
          Identity
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">ARN</dt>
          <dd className="flex items-start gap-2 font-mono text-xs break-all">
            {detail.arn ?? "—"}
            {detail.arn ? <CopyButton text={detail.arn} label="Copy ARN" /> : null}
          </dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{detail.createdAt ? new Date(detail.createdAt).toUTCString() : "—"}</dd>
          <dt className="text-slate-500">Replicas</dt>
          <dd>{detail.replicas.length > 0 ? detail.replicas.map((replica) => replica.region).join(", ") : "none"}</dd>
        </dl>
      </section>
    </>
  );
}

function HealthLine({ detail }: { detail: TableDetail }) {
  const health = tableHealth(detail);
  return (
    <p
      data-testid="table-health"
      className={`rounded-md border px-3 py-2 text-sm ${
        health.ok
          ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      }`}
    >
      {health.text}
    </p>
  );
}

function Card({ title, term, children }: { title: string; term?: GlossaryTermId; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
        {term ? <TermHint term={term} label={`About ${title.toLowerCase()}`} /> : null}
      </h2>
      <dl className="space-y-2">{children}</dl>
    </section>
  );
}

function Stat({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={mono ? "font-mono text-sm break-all" : "text-sm font-medium"}>{value}</dd>
    </div>
  );
}

function IndexList({ indexes, billingMode }: { indexes: IndexDetail[]; billingMode: TableDetail["billingMode"] }) {
  return (
    <ul className="grid gap-3 lg:grid-cols-2" data-testid="index-list">
      {indexes.map((index) => (
        <li key={index.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-semibold break-all">{index.name}</span>
            <Badge tone="neutral">{index.kind}</Badge>
            {index.status ? <StatusBadge status={index.status} /> : null}
            {index.backfilling ? <Badge tone="busy">backfilling</Badge> : null}
          </div>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Keys</dt>
            <dd className="font-mono text-xs break-all">{keySchemaLabel(index.keys)}</dd>
            <dt className="text-slate-500">Projection</dt>
            <dd>{projectionLabel(index.projection)}</dd>
            <dt className="text-slate-500">Capacity</dt>
            <dd>{index.kind === "LSI" ? "shares the table's" : capacityLabel(index, billingMode)}</dd>
            <dt className="text-slate-500">Items ≈</dt>
            <dd className="tabular-nums">
              {index.itemCount === null ? "—" : formatCount(index.itemCount)}
              {index.sizeBytes === null ? "" : ` · ${formatBytes(index.sizeBytes)}`}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
