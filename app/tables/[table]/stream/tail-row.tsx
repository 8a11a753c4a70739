"use client";

import { memo } from "react";
import type { KeyAttributes } from "@/components/items/attribute-labels";
import { ItemView } from "@/components/items/item-view";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { formatBytes } from "@/lib/format/format-bytes";
import type { StreamEventName, StreamRecordView, StreamViewType } from "@/lib/streams/stream-types";
import { keyPreview, missingImageText } from "@/lib/streams/tail-record-text";

const EVENT_CLASSES: Record<StreamEventName, string> = {
  INSERT: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  MODIFY: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300",
  REMOVE: "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

export function EventBadge({ name }: { name: StreamEventName }) {
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 font-mono text-[11px] font-semibold ${EVENT_CLASSES[name]}`}>{name}</span>;
}

function ImageSide({ title, image, side, record, viewType, keyAttributes }: { title: string; image: WireItem | null; side: "new" | "old"; record: StreamRecordView; viewType: StreamViewType; keyAttributes: KeyAttributes }) {
  return (
    <div className="min-w-0 space-y-1" data-testid={`${side}-image`}>
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</p>
      {image ? <ItemView item={image} keyAttributes={keyAttributes} /> : <p className="text-sm text-slate-500 italic dark:text-slate-400">{missingImageText(side, record.eventName, viewType)}</p>}
    </div>
  );
}

type RowProps = {
  record: StreamRecordView;
  keyAttributes: KeyAttributes;
  viewType: StreamViewType;
  expanded: boolean;
  onToggle: (id: string) => void;
  clock: (ms: number) => string;
};

/**
 * One stream record: time, event, key and size, and a disclosure that shows the new and old images side by side
 * with the item viewer (types explicit, numbers as written, redacted values marked). Memoised: the list re-renders
 * every second while held rows stay the same objects.
 */
export const TailRow = memo(function TailRow({ record, keyAttributes, viewType, expanded, onToggle, clock }: RowProps) {
  const detailsId = `stream-record-${record.id}`;
  // The read time leads: a live tail reads each write within about a poll interval, while the stream's own time is
  // rounded down (to the second on AWS, to the minute on DynamoDB Local), so rows would share one time.
  const read = clock(record.readAt);
  const timeTitle = `Read by Dynamo Lens at ${read}; ${record.createdAt === null ? "the stream recorded no write time" : `written at about ${clock(record.createdAt)} (the stream's time, rounded down)`}`;
  return (
    <li className="border-b border-slate-100 dark:border-slate-800" data-testid="tail-row" data-event={record.eventName} data-ttl={record.ttlDelete ? "true" : undefined}>
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => onToggle(record.id)}
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-3 py-1.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-500 sm:grid sm:grid-cols-[6.5rem_9rem_minmax(0,1fr)_5rem_1rem] dark:hover:bg-slate-800/60"
      >
        <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400" title={timeTitle}>
          <span className="sr-only">Read </span>
          {read}
        </span>
        <span className="flex items-center gap-1">
          <EventBadge name={record.eventName} />
          {record.ttlDelete ? (
            <span className="rounded border border-slate-300 px-1 text-[10px] font-semibold text-slate-600 dark:border-slate-600 dark:text-slate-300" title="Deleted by Time to Live, not by the application">
              TTL
            </span>
          ) : null}
        </span>
        <span className="order-last w-full min-w-0 truncate font-mono text-xs sm:order-none sm:w-auto" data-testid="tail-row-key">
          {keyPreview(record.keys, keyAttributes)}
        </span>
        <span className="ml-auto text-right text-xs text-slate-500 tabular-nums sm:ml-0" title="The stream record's size (SizeBytes), not the item's">
          {formatBytes(record.sizeBytes)}
        </span>
        <span aria-hidden className={`hidden text-slate-400 transition-transform sm:inline ${expanded ? "rotate-90" : ""}`}>
          ›
        </span>
      </button>
      {expanded ? (
        <div id={detailsId} className="space-y-3 bg-slate-50 px-3 py-3 dark:bg-slate-950" data-testid="tail-record">
          <div className="grid gap-4 md:grid-cols-2">
            <ImageSide title="New image" image={record.newImage} side="new" record={record} viewType={viewType} keyAttributes={keyAttributes} />
            <ImageSide title="Old image" image={record.oldImage} side="old" record={record} viewType={viewType} keyAttributes={keyAttributes} />
          </div>
          {!record.newImage && !record.oldImage ? <ItemView item={record.keys} keyAttributes={keyAttributes} /> : null}
          <p className="font-mono text-[11px] break-all text-slate-500">
            {record.shardId} · sequence {record.sequenceNumber}
          </p>
        </div>
      ) : null}
    </li>
  );
});
