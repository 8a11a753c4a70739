"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { wireItemSize } from "@/lib/dynamo/item-size";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { formatBytes } from "@/lib/format/format-bytes";
import { commonAttributes, previewValue } from "@/lib/items/value-preview";

const ROW_HEIGHT = 36;

export type ItemTableProps = {
  items: WireItem[];
  /** Key columns first: the index's keys, then the table's. */
  keyColumns: string[];
  selectedKey: string | null;
  keyOf: (item: WireItem) => string | null;
  onOpen: (item: WireItem) => void;
  label: string;
};

/**
 * A virtualized item list: only visible rows are in the DOM, so 10,000+ items scroll smoothly. Keyboard: the list is
 * one tab stop; ↑/↓ (and PageUp/PageDown, Home/End) move, Enter opens the item.
 */
export function ItemTable({ items, keyColumns, selectedKey, keyOf, onOpen, label }: ItemTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const columns = useMemo(() => [...keyColumns, ...commonAttributes(items, new Set(keyColumns), Math.max(2, 5 - keyColumns.length))], [items, keyColumns]);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  // The first key column holds the longest values (sort keys); give it more room.
  const template = `minmax(12rem, 2fr) repeat(${Math.max(0, columns.length - 1)}, minmax(7rem, 1fr)) 4.5rem`;

  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      move(moves[event.key] ?? active);
    } else if (event.key === "Enter") {
      const item = items[active];
      if (item) {
        event.preventDefault();
        onOpen(item);
      }
    }
  };

  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <div className="min-w-max">
        <div role="presentation" className="grid border-b border-slate-200 bg-slate-50 text-xs font-semibold text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400" style={{ gridTemplateColumns: template }}>
          {columns.map((column, position) => (
            <div key={column} className="truncate px-3 py-2 font-mono" title={column}>
              {column}
              {position < keyColumns.length ? <span className="ml-1 font-sans font-normal text-slate-400">key</span> : null}
            </div>
          ))}
          <div className="px-3 py-2 text-right">size</div>
        </div>
        <div
          ref={scrollRef}
          role="listbox"
          tabIndex={0}
          aria-label={label}
          aria-activedescendant={items.length > 0 ? `item-row-${active}` : undefined}
          onKeyDown={onKeyDown}
          className="h-[24rem] overflow-y-auto focus:outline-2 focus:outline-sky-500 lg:h-[calc(100vh-26rem)]"
          data-testid="item-table"
        >
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((row) => {
              const item = items[row.index];
              if (!item) return null;
              const key = keyOf(item);
              const selected = key !== null && key === selectedKey;
              return (
                <div
                  key={row.key}
                  id={`item-row-${row.index}`}
                  role="option"
                  aria-selected={selected}
                  onClick={() => {
                    setActive(row.index);
                    onOpen(item);
                  }}
                  className={`absolute left-0 grid w-full cursor-pointer items-center border-b border-slate-100 text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60 ${
                    selected ? "bg-sky-50 dark:bg-sky-950" : ""
                  } ${row.index === active ? "outline-1 -outline-offset-1 outline-sky-400" : ""}`}
                  style={{ gridTemplateColumns: template, height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  {columns.map((column) => (
                    <div key={column} className="truncate px-3 font-mono text-xs" title={previewValue(item[column], 500)}>
                      {previewValue(item[column])}
                    </div>
                  ))}
                  <div className="px-3 text-right text-xs text-slate-500 tabular-nums">{formatBytes(wireItemSize(item))}</div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
