"use client";

import { useSearchParams } from "next/navigation";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { defaultScopeOf, type Scope, type ScopeOptions } from "@/lib/scope/scope";

const ScopeOptionsContext = createContext<ScopeOptions>({ accounts: [] });

/** The configured accounts and regions (names only), from the server, for the switcher and for building links. */
export function ScopeOptionsProvider({ options, children }: { options: ScopeOptions; children: ReactNode }) {
  return <ScopeOptionsContext value={options}>{children}</ScopeOptionsContext>;
}

export function useScopeOptions(): ScopeOptions {
  return useContext(ScopeOptionsContext);
}

/**
 * The account and region this page reads, from the URL (`?account=&region=`), defaulting as the server does: the
 * first account, and that account's first region. A scope the server does not know is kept as given, so its 400
 * (which lists the known ones) reaches the page instead of silently showing another account's data.
 */
export function useScope(): Scope {
  const options = useScopeOptions();
  const params = useSearchParams();
  const account = params.get("account");
  const region = params.get("region");
  return useMemo(() => {
    const fallback = defaultScopeOf(options) ?? { account: "default", region: "us-east-1" };
    const chosenAccount = account ?? fallback.account;
    const accountRegions = options.accounts.find((candidate) => candidate.name === chosenAccount)?.regions;
    return { account: chosenAccount, region: region ?? accountRegions?.[0] ?? fallback.region };
  }, [options, account, region]);
}
