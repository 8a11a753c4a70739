import { KeyLink } from "@/components/items/key-link";
import { TermHint } from "@/components/glossary/term-hint";
import type { GlossaryTermId } from "@/lib/glossary/glossary-terms";
import type { ReactNode } from "react";
import { LEVEL_STYLE } from "@/components/items/size-bar";
import { sizeLevel } from "@/lib/dynamo/item-size";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCount } from "@/lib/format/format-count";
import { itemHref } from "@/lib/items/item-key";
import { keyText } from "@/lib/items/value-preview";
import type { AuditedItem, SizeAuditResult } from "@/lib/jobs/job-types";
import type { TableDetail } from "@/lib/tables/table-detail";

const SEVERITY = {
  high: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200",
  medium: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  info: "border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200",
} as const;

function keyLabel(key: AuditedItem["key"], detail: TableDetail): string {
  const pk = keyText(key[detail.keys.partitionKey.name]);
  return detail.keys.sortKey ? `${pk} · ${keyText(key[detail.keys.sortKey.name])}` : pk;
}

function Card({ title, term, children, testId }: { title: string; term: GlossaryTermId; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid={testId}>
      <h3 className="mb-3 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
        <TermHint term={term} label={`About ${title.toLowerCase()}`} />
      </h3>
      {children}
    </section>
  );
}

function ItemList({ items, table, detail, testId, linkKeys }: { items: AuditedItem[]; table: string; detail: TableDetail; testId: string; linkKeys: boolean }) {
  return (
    <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid={testId}>
      {items.map((item) => {
        const level = sizeLevel(item.bytes);
        return (
          <li key={JSON.stringify(item.key)} className="flex flex-wrap items-center gap-x-3 py-1.5">
            <KeyLink href={linkKeys ? itemHref(table, JSON.stringify(item.key)) : null} className="min-w-0 flex-1 truncate font-mono text-xs">
              {keyLabel(item.key, detail)}
            </KeyLink>
            {item.biggestAttribute ? (
              <span className="text-xs text-slate-500">
                mostly <span className="font-mono">{item.biggestAttribute.name}</span> ({Math.round(item.biggestAttribute.share * 100)}%)
              </span>
            ) : null}
            <span className={`w-20 text-right font-medium tabular-nums ${level === "ok" ? "" : LEVEL_STYLE[level].text}`}>{formatBytes(item.bytes)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** The audit's answer: findings first, then the distribution, the largest items, and the limits they approach. */
/** `linkKeys`: false when the keys are digests (see KeyLink). */
export function AuditResults({ table, result, detail, linkKeys }: { table: string; result: SizeAuditResult; detail: TableDetail; linkKeys: boolean }) {
  const { stats } = result;
  const peak = Math.max(1, ...result.histogram.map((bucket) => bucket.count));
  return (
    <div className="space-y-4" data-testid="audit-results">
      <ul className="space-y-2">
        {result.findings.map((finding) => (
          <li key={finding.text} className={`rounded-md border px-3 py-2 text-sm ${SEVERITY[finding.severity]}`}>
            {finding.text}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">
        {result.complete ? "Whole table read" : `${result.mode === "sample" ? "Sample" : "Partial scan"} of ${formatCount(result.itemsRead)} items`} · {Math.round(result.rcuUsed * 10) / 10} RCU ·
        percentiles within {Math.round(stats.percentileRelativeError * 100)}%.
      </p>
      {/* Grid items may shrink below their content (a phone's width), and long labels break rather than push. */}
      <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        <Card title="Size distribution" term="size-audit" testId="audit-histogram">
          <ul className="space-y-1.5 text-sm">
            {result.histogram.map((bucket) => (
              <li key={bucket.label} className="flex items-center gap-2">
                <span className="w-24 shrink-0 text-xs text-slate-600 dark:text-slate-400">{bucket.label}</span>
                <span className="relative h-3 flex-1 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
                  <span className={`absolute inset-y-0 left-0 ${bucket.minBytes >= 358_400 ? "bg-rose-500" : bucket.minBytes >= 262_144 ? "bg-amber-500" : "bg-sky-500"}`} style={{ width: `${bucket.count === 0 ? 0 : Math.max(1, (bucket.count / peak) * 100)}%` }} />
                </span>
                <span className="w-16 text-right text-xs tabular-nums">{formatCount(bucket.count)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-4 grid grid-cols-3 gap-2 text-sm sm:grid-cols-6">
            {[
              ["p50", stats.p50Bytes],
              ["p90", stats.p90Bytes],
              ["p99", stats.p99Bytes],
              ["max", stats.maxBytes],
              ["mean", stats.meanBytes],
              ["DescribeTable mean ≈", result.tableEstimate.meanBytes],
            ].map(([label, value]) => (
              <div key={String(label)}>
                <dt className="text-xs [overflow-wrap:anywhere] text-slate-500">{label}</dt>
                <dd className="font-medium tabular-nums">{typeof value === "number" ? formatBytes(value) : "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={`Largest ${result.largest.length} items`} term="item-size" testId="audit-largest">
          {result.largest.length === 0 ? <p className="text-sm text-slate-500">No items read.</p> : <ItemList items={result.largest} table={table} detail={detail} testId="audit-largest-list" linkKeys={linkKeys} />}
        </Card>
        <Card title={`At or over ${formatBytes(result.overThreshold.thresholdBytes)}: ${formatCount(result.overThreshold.count)}`} term="item-size" testId="audit-over-threshold">
          {result.overThreshold.count === 0 ? (
            <p className="text-sm text-slate-500">No item reached the threshold.</p>
          ) : (
            <ItemList items={result.overThreshold.items} table={table} detail={detail} testId="audit-over-threshold-list" linkKeys={linkKeys} />
          )}
          {result.overThreshold.truncated ? <p className="mt-2 text-xs text-slate-500">Showing the largest {result.overThreshold.items.length}.</p> : null}
        </Card>
        <Card title={`One attribute ≥ ${Math.round(result.dominantAttributes.minShare * 100)}% of the item: ${formatCount(result.dominantAttributes.count)}`} term="item-size" testId="audit-dominant">
          {result.dominantAttributes.byAttribute.length === 0 ? (
            <p className="text-sm text-slate-500">No item of {formatBytes(result.dominantAttributes.minItemBytes)} or more is dominated by one attribute.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {result.dominantAttributes.byAttribute.map((entry) => (
                <li key={entry.name}>
                  <span className="font-mono">{entry.name}</span> dominates {formatCount(entry.count)} item{entry.count === 1 ? "" : "s"}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {result.itemCollections ? (
          <Card title="Largest item collections (10 GB limit)" term="lsi" testId="audit-collections">
            <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
              {result.itemCollections.largest.map((collection) => (
                <li key={JSON.stringify(collection.partitionKey)} className="flex items-center gap-3 py-1.5">
                  <span className="min-w-0 flex-1 truncate font-mono text-xs">{keyText(collection.partitionKey)}</span>
                  <span className="text-xs text-slate-500">{formatCount(collection.items)} items</span>
                  <span className="w-40 text-right text-xs tabular-nums">
                    {formatBytes(collection.bytes)} · {(collection.fractionOfLimit * 100).toFixed(collection.fractionOfLimit < 0.01 ? 4 : 1)}%{collection.partial ? " (partial)" : ""}
                  </span>
                </li>
              ))}
            </ol>
          </Card>
        ) : null}
      </div>
    </div>
  );
}
