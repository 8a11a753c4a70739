import { KeyLink } from "@/components/items/key-link";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { itemHref } from "@/lib/items/item-key";
import { keyText } from "@/lib/items/value-preview";
import type { StreamKeyWrites } from "@/lib/streams/stream-types";
import { formatRate, formatShare, partitionLimitText } from "@/lib/streams/stream-sample-view";

type Props = {
  title: string;
  rows: StreamKeyWrites[];
  table: string;
  partitionKey: string;
  sortKey: string | null;
  /** False when the keys are digests: they name nothing the item browser could open. */
  linkKeys: boolean;
  /** One partition's write limit the result compared with (1,000 WCU/s on AWS; scaled on the local stack). */
  partitionLimit: number;
  testId: string;
};

/** A key's partition in the items browser, or (with a sort key) the item itself. */
function keyHref(table: string, row: StreamKeyWrites, partitionKey: string, sortKey: string | null): string {
  if (row.sortKey && sortKey) return itemHref(table, JSON.stringify({ [partitionKey]: row.key, [sortKey]: row.sortKey }));
  return `/tables/${encodeURIComponent(table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, pk: keyText(row.key) }).toString()}`;
}

const HEAD = "py-1 pr-3 text-right font-semibold whitespace-nowrap";

/**
 * The sample's busiest keys by writes: rates, estimated write units, share of all writes, and the busiest second
 * against one partition's write limit (emphasised from 1×, where DynamoDB throttles that key).
 */
export function StreamKeyTable({ title, rows, table, partitionKey, sortKey, linkKeys, partitionLimit, testId }: Props) {
  return (
    <section className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No writes were read.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[34rem] text-sm" data-testid={testId}>
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-semibold">{sortKey && rows.some((row) => row.sortKey) ? `${partitionKey} · ${sortKey}` : partitionKey}</th>
                <th className={HEAD}>writes/s</th>
                <th className={HEAD} title="Estimated write units per second, from the records' sizes">
                  est. WCU/s
                </th>
                <th className={HEAD} title="Estimated write units in the busiest second">
                  peak WCU/s
                </th>
                <th className={HEAD}>share</th>
                <th className="py-1 text-right font-semibold whitespace-nowrap" title={`The busiest second's write units against the ${formatRate(partitionLimit)} WCU/s one partition key can take`}>
                  × one partition&apos;s write limit
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.slice(0, 10).map((row) => {
                const label = row.sortKey ? `${keyText(row.key)} · ${keyText(row.sortKey)}` : keyText(row.key);
                const limit = partitionLimitText(row.ofPartitionLimit);
                return (
                  <tr key={label} data-testid="stream-key-row">
                    <td className="min-w-[10rem] py-1 pr-3 font-mono text-xs break-all">
                      <KeyLink href={linkKeys ? keyHref(table, row, partitionKey, sortKey) : null} className="" title={row.maxOverestimate > 0 ? `${label}: may be overstated by up to ${row.maxOverestimate} writes (counting summarised)` : label}>
                        {label}
                      </KeyLink>
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatRate(row.writesPerSecond)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatRate(row.writeUnitsPerSecond)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatRate(row.peakWriteUnitsPerSecond)}</td>
                    <td className="py-1 pr-3 text-right tabular-nums">{formatShare(row.share)}</td>
                    <td className={`py-1 text-right tabular-nums ${limit.over ? "font-semibold text-rose-700 dark:text-rose-400" : ""}`} data-over-limit={limit.over ? "true" : undefined}>
                      {limit.text}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
