import { ITEM_SIZE_LIMIT, sizeLevel, type SizeLevel } from "@/lib/dynamo/item-size";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCount } from "@/lib/format/format-count";

export const LEVEL_STYLE: Record<SizeLevel, { bar: string; text: string; label: string }> = {
  ok: { bar: "bg-emerald-500", text: "text-emerald-800 dark:text-emerald-300", label: "within the limit" },
  warning: { bar: "bg-amber-500", text: "text-amber-800 dark:text-amber-300", label: "large: 256 KB or more" },
  high: { bar: "bg-rose-600", text: "text-rose-800 dark:text-rose-300", label: "high: 350 KB or more, close to the limit" },
  over: { bar: "bg-rose-700", text: "text-rose-800 dark:text-rose-300", label: "over the 400 KB limit" },
};

/** One size against DynamoDB's 409,600-byte item limit, coloured by how close it is. */
export function SizeBar({ bytes, label, testId }: { bytes: number; label: string; testId?: string }) {
  const level = sizeLevel(bytes);
  const percent = Math.min(100, (bytes / ITEM_SIZE_LIMIT) * 100);
  const style = LEVEL_STYLE[level];
  return (
    <div data-testid={testId} data-level={level}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums">
          <span className="font-mono">{formatCount(bytes)}</span> bytes ({formatBytes(bytes)}) · {percent < 0.1 && bytes > 0 ? "<0.1" : percent.toFixed(1)}% of 400 KB
        </span>
      </div>
      <div
        className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={ITEM_SIZE_LIMIT}
        aria-valuenow={Math.min(bytes, ITEM_SIZE_LIMIT)}
        aria-valuetext={`${formatCount(bytes)} bytes, ${style.label}`}
      >
        <div className={`h-full ${style.bar}`} style={{ width: `${Math.max(percent, bytes > 0 ? 0.5 : 0)}%` }} />
      </div>
      <p className={`mt-1 text-xs font-medium ${style.text}`}>{style.label}</p>
    </div>
  );
}
