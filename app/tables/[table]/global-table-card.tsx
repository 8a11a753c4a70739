"use client";

import Link from "next/link";
import { TermHint } from "@/components/glossary/term-hint";
import { Hint } from "@/components/ui/hint";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Scope, ScopeOptions } from "@/lib/scope/scope";
import { globalTableVersionLabel, replicaLinks } from "@/lib/tables/replica-links";
import type { TableDetail } from "@/lib/tables/table-detail";

/**
 * A global table's copies in other regions, each with its status and a link to the same table there. `scope` is the
 * account and region this page reads; `scopeOptions` the configured ones, which decide which regions can be linked.
 */
export function GlobalTableCard({ detail, scope, scopeOptions }: { detail: TableDetail; scope: Scope; scopeOptions: ScopeOptions }) {
  const links = replicaLinks(detail.name, detail.replicas, scope, scopeOptions);
  return (
    <section aria-labelledby="global-table-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="global-table">
      <h2 id="global-table-heading" className="mb-3 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Global table
        <TermHint term="global-table" label="About global tables" />
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        This is the copy in <span className="font-mono text-slate-900 dark:text-slate-100">{scope.region}</span>
        {detail.globalTableVersion ? (
          <>
            {" "}
            · version <span className="tabular-nums">{globalTableVersionLabel(detail.globalTableVersion)}</span>
          </>
        ) : null}
        . Copies in {links.length === 1 ? "one other region" : `${links.length} other regions`}:
      </p>
      <ul className="space-y-2" data-testid="replica-list">
        {links.map((link) => (
          <li key={link.region} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="replica" data-region={link.region}>
            {link.href ? (
              <Link href={link.href} className="font-mono font-medium text-sky-700 hover:underline dark:text-sky-400">
                {link.region}
              </Link>
            ) : (
              <span className="inline-flex items-center gap-1">
                <span className="font-mono font-medium">{link.region}</span>
                <span className="text-xs text-slate-500">not configured here</span>
                <Hint label={`Why ${link.region} has no link`}>
                  Dynamo Lens reads only the regions configured for the account {scope.account}. Add {link.region} to that account&apos;s
                  regions in ACCOUNTS_FILE to open this table there.
                </Hint>
              </span>
            )}
            <StatusBadge status={link.status} />
            {link.statusDescription ? <span className="text-xs text-slate-600 dark:text-slate-400">{link.statusDescription}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
