"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { withScope, type Scope } from "@/lib/scope/scope";
import { useScope, useScopeOptions } from "./scope-context";

const SELECT = "rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

/**
 * Account and region pickers. Switching keeps the page and its other parameters and puts the new scope in the URL,
 * so the link the user shares names what they saw. Changing the account picks that account's first region.
 */
export function ScopeSwitcher() {
  const options = useScopeOptions();
  const scope = useScope();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const regions = options.accounts.find((account) => account.name === scope.account)?.regions ?? [scope.region];
  const go = (next: Scope) => {
    const search = params.toString();
    // A partition or item of one table means nothing in another scope's table: drop the deeper view state.
    router.push(withScope(search ? `${pathname}?${search}` : pathname, next));
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="scope-switcher">
      <label className="inline-flex items-center gap-1">
        Account
        {options.accounts.length > 1 ? (
          <select aria-label="Account" className={SELECT} value={scope.account} onChange={(event) => go({ account: event.target.value, region: options.accounts.find((account) => account.name === event.target.value)?.regions[0] ?? scope.region })}>
            {options.accounts.map((account) => (
              <option key={account.name} value={account.name}>
                {account.name}
              </option>
            ))}
          </select>
        ) : (
          <span className="font-mono text-slate-900 dark:text-slate-100" data-testid="scope-account">
            {scope.account}
          </span>
        )}
      </label>
      <label className="inline-flex items-center gap-1">
        Region
        {regions.length > 1 ? (
          <select aria-label="Region" className={SELECT} value={scope.region} onChange={(event) => go({ account: scope.account, region: event.target.value })}>
            {regions.map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        ) : (
          <span className="font-mono text-slate-900 dark:text-slate-100" data-testid="scope-region">
            {scope.region}
          </span>
        )}
      </label>
    </span>
  );
}
