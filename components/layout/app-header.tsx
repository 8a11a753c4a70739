import Link from "next/link";
import { Hint } from "@/components/ui/hint";

export function AppHeader({ region, endpoint }: { region: string; endpoint: "aws" | "custom" }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-5 w-5 rounded bg-gradient-to-br from-sky-500 to-indigo-600" />
          Dynamo Lens
        </Link>
        <span className="inline-flex items-center gap-1 rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
          Read-only
          <Hint label="What read-only means">
            Dynamo Lens can only read. The server refuses every DynamoDB or CloudWatch command that could change
            anything, before it is sent.
          </Hint>
        </span>
        <div className="ml-auto flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <span>
            Region <span className="font-mono text-slate-900 dark:text-slate-100">{region}</span>
          </span>
          {endpoint === "custom" ? (
            <span className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300">
              custom endpoint
            </span>
          ) : null}
        </div>
      </div>
    </header>
  );
}
