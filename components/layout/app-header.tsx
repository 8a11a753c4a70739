import Link from "next/link";
import { Suspense } from "react";
import { Hint } from "@/components/ui/hint";
import { ScopeSwitcher } from "./scope-switcher";

type HeaderIdentity = { user: string | null; role: "engineer" | "viewer" } | null;

export function AppHeader({ endpoint, identity, authMode }: { endpoint: "aws" | "custom"; identity: HeaderIdentity; authMode: "none" | "proxy" }) {
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
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <Link href="/fleet" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            Fleet
          </Link>
          <Link href="/glossary" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
            Glossary
          </Link>
          {identity ? <RoleBadge identity={identity} authMode={authMode} /> : null}
          <Suspense>
            <ScopeSwitcher />
          </Suspense>
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

function RoleBadge({ identity, authMode }: { identity: NonNullable<HeaderIdentity>; authMode: "none" | "proxy" }) {
  const viewer = identity.role === "viewer";
  return (
    <span data-testid="role-badge" data-role={identity.role} className="inline-flex items-center gap-1">
      {identity.user ? <span className="max-w-[10rem] truncate sm:max-w-[16rem]">{identity.user}</span> : null}
      <span
        className={`rounded-full border px-2 py-0.5 font-medium ${viewer ? "border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200" : "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300"}`}
      >
        {viewer ? "Viewer" : "Engineer"}
      </span>
      <Hint label="What your role means">
        {viewer
          ? "Viewers see every page, chart, verdict and size. Values of sensitive attributes are shown as “redacted”, busy keys as short codes such as #1a2b3c4d5e, and export is off."
          : authMode === "none"
            ? "Sign-in is off (AUTH_MODE=none), so everyone is an engineer and sees every value. Use this only on your own machine."
            : "Engineers see every value and can export."}
      </Hint>
    </span>
  );
}
