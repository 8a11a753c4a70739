import { formatCount } from "@/lib/format/format-count";
import { TermHint } from "@/components/glossary/term-hint";

/** What reading this cost, next to the results: RCU, items examined vs returned, and DynamoDB requests. */
export function CostLine({ consumed, scanned, returned, requests, label }: { consumed: number; scanned: number; returned: number; requests: number; label?: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" data-testid="cost-line">
      {label ? <span className="font-medium text-slate-700 dark:text-slate-300">{label}</span> : null}
      <span>
        <span className="font-mono tabular-nums">{Math.round(consumed * 100) / 100}</span> RCU
      </span>
      <span>
        <span className="font-mono tabular-nums">{formatCount(scanned)}</span> examined · <span className="font-mono tabular-nums">{formatCount(returned)}</span> returned
      </span>
      <span>
        {requests} request{requests === 1 ? "" : "s"}
      </span>
      <TermHint term="rcu" label="What these numbers mean">
        RCU (read capacity units) is what DynamoDB charged for these reads. DynamoDB charges for every item it examines,
        even ones a filter then drops, so &quot;examined&quot; can be larger than &quot;returned&quot;.
      </TermHint>
    </p>
  );
}
