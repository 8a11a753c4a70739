import { useRole } from "@/components/layout/role-context";
import { useScope } from "@/components/layout/scope-context";
import { PAGE_SIZES } from "@/lib/items/items-view-state";
import { exportUrl } from "@/lib/queries/items-queries";

export const BUTTON = "rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";

export function PageSizeSelect({ value, onChange }: { value: number; onChange: (size: number) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Page size</span>
      <select value={value} onChange={(event) => onChange(Number(event.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950">
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Downloads of exactly what is being read (the same parameters), capped server-side by EXPORT_MAX_ITEMS and EXPORT_MAX_RCU. */
export function ExportLinks({ table, params, source }: { table: string; params: URLSearchParams; source: "query" | "scan" }) {
  const scope = useScope();
  // The server refuses exports to viewers (403); hiding the buttons only spares them a dead end.
  if (useRole() !== "engineer") return null;
  return (
    <span className="flex gap-2">
      <a className={BUTTON} href={exportUrl(scope, table, params, source, "jsonl")} download>
        Export JSONL
      </a>
      <a className={BUTTON} href={exportUrl(scope, table, params, source, "csv")} download>
        Export CSV
      </a>
    </span>
  );
}
