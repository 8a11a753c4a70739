"use client";

import { useState } from "react";
import { TermHint } from "@/components/glossary/term-hint";
import { attributeSizes, capacityFor, lsiEffectiveSize, nestedSizes, wireItemSize, type LsiProjection } from "@/lib/dynamo/item-size";
import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";
import { formatBytes } from "@/lib/format/format-bytes";
import { SizeBar } from "./size-bar";

const SHOWN_ATTRIBUTES = 8;

type Props = { item: WireItem; tableKeys: { partitionKey: string; sortKey: string | null }; lsis: LsiProjection[] };

/**
 * The item's exact size by DynamoDB's rules, against the 400 KB limit; which attributes make it up (with a drill-down
 * into lists and maps); and what reading or writing it costs.
 */
export function ItemSizePanel({ item, tableKeys, lsis }: Props) {
  const bytes = wireItemSize(item);
  const effective = lsis.length > 0 ? lsiEffectiveSize(item, lsis, tableKeys) : bytes;
  const attributes = attributeSizes(item);
  const cost = capacityFor(bytes);
  return (
    <section aria-labelledby="item-size-heading" className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 id="item-size-heading" className="flex items-center gap-1.5 text-sm font-semibold">
        Size
        <TermHint term="item-size" label="How item size is counted">
          DynamoDB counts the UTF-8 bytes of every attribute name plus its value (numbers take about one byte per two
          digits; lists and maps add a few bytes each). An item may be at most 400 KB (409,600 bytes).
        </TermHint>
      </h3>
      <SizeBar bytes={bytes} label="Item size" testId="item-size" />
      {lsis.length > 0 ? (
        <div>
          <SizeBar bytes={effective} label="With its local index copies" testId="item-effective-size" />
          <p className="mt-1 text-xs text-slate-500">On a table with local secondary indexes, the limit covers the item plus its projected copy in each index it appears in.</p>
        </div>
      ) : null}

      <div>
        <h4 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Biggest attributes</h4>
        <ul className="space-y-1.5" data-testid="attribute-sizes">
          {attributes.slice(0, SHOWN_ATTRIBUTES).map((attribute) => (
            <AttributeRow key={attribute.name} name={attribute.name} bytes={attribute.bytes} share={attribute.share} value={item[attribute.name]} path={attribute.name} depth={0} />
          ))}
        </ul>
        {attributes.length > SHOWN_ATTRIBUTES ? <p className="mt-1 text-xs text-slate-500">and {attributes.length - SHOWN_ATTRIBUTES} smaller attributes</p> : null}
      </div>

      <div className="text-sm">
        <h4 className="mb-1 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Capacity per request
          <TermHint term="rcu" label="What capacity units are">
            A read costs one read capacity unit (RCU) per 4 KB, half that for an eventually consistent read. A write costs
            one write capacity unit (WCU) per 1 KB. Transactions cost double.
          </TermHint>
        </h4>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 tabular-nums" data-testid="item-capacity">
          <dt>Read, eventually consistent</dt>
          <dd className="text-right font-mono">{cost.rcuEventual} RCU</dd>
          <dt>Read, strongly consistent</dt>
          <dd className="text-right font-mono">{cost.rcuStrong} RCU</dd>
          <dt>Read, in a transaction</dt>
          <dd className="text-right font-mono">{cost.rcuTransactional} RCU</dd>
          <dt>Write</dt>
          <dd className="text-right font-mono">{cost.wcuPerWrite} WCU</dd>
          <dt>Write, in a transaction</dt>
          <dd className="text-right font-mono">{cost.wcuTransactional} WCU</dd>
        </dl>
      </div>
    </section>
  );
}

function AttributeRow({ name, bytes, share, value, path, depth }: { name: string; bytes: number; share: number; value: WireValue | undefined; path: string; depth: number }) {
  const [open, setOpen] = useState(false);
  const nested = value && ("L" in value || "M" in value);
  const children = open && value ? nestedSizes(value, path) : [];
  return (
    <li style={{ paddingLeft: depth * 12 }}>
      <div className="flex items-center gap-2 text-xs">
        {nested ? (
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-label={`${open ? "Collapse" : "Expand"} ${path}`} className="w-4 text-slate-500 hover:text-slate-900 dark:hover:text-slate-100">
            {open ? "▾" : "▸"}
          </button>
        ) : (
          <span className="w-4" />
        )}
        <span className="w-32 shrink-0 truncate font-mono" title={path}>
          {name}
        </span>
        <span className="relative h-2 flex-1 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
          <span className={`absolute inset-y-0 left-0 ${share >= 0.4 ? "bg-amber-500" : "bg-sky-500"}`} style={{ width: `${Math.max(share * 100, 0.5)}%` }} />
        </span>
        <span className="w-28 shrink-0 text-right tabular-nums">
          {formatBytes(bytes)} · {(share * 100).toFixed(share < 0.1 ? 1 : 0)}%
        </span>
      </div>
      {children.length > 0 ? (
        <ul className="mt-1 space-y-1">
          {children.slice(0, 20).map((child) => (
            <AttributeRow key={child.path} name={typeof child.key === "number" ? `[${child.key}]` : child.key} bytes={child.bytes} share={bytes === 0 ? 0 : (child.bytes / bytes) * share} value={child.value} path={child.path} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
