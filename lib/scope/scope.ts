/**
 * Where a request reads: one named account in one region. It travels from the URL (`?account=&region=`) through the
 * route handler into every data-access call, cache key, cursor signature and job. Client-safe.
 */
export type Scope = { account: string; region: string };

/** The accounts and regions this server reads, as the browser may see them (names only, never credentials). */
export type ScopeOptions = { accounts: Array<{ name: string; regions: string[] }> };

/** A stable string for cache and coalescing keys; account names and regions cannot hold "/". */
export function scopeKey(scope: Scope): string {
  return `${scope.account}/${scope.region}`;
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.account === b.account && a.region === b.region;
}

export function defaultScopeOf(options: ScopeOptions): Scope | null {
  const first = options.accounts[0];
  const region = first?.regions[0];
  return first && region ? { account: first.name, region } : null;
}

/** Every (account, region) pair, in configuration order. */
export function allScopes(options: ScopeOptions): Scope[] {
  return options.accounts.flatMap((account) => account.regions.map((region) => ({ account: account.name, region })));
}

/** The query parameters that name a scope; links always carry both, so they mean the same thing to everyone. */
export function scopeParams(scope: Scope): Record<"account" | "region", string> {
  return { account: scope.account, region: scope.region };
}

/** `path` with the scope's parameters added (or replaced), keeping its other parameters and hash. */
export function withScope(path: string, scope: Scope): string {
  const hashAt = path.indexOf("#");
  const hash = hashAt >= 0 ? path.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? path.slice(0, hashAt) : path;
  const queryAt = beforeHash.indexOf("?");
  const pathname = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const params = new URLSearchParams(queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "");
  params.set("account", scope.account);
  params.set("region", scope.region);
  return `${pathname}?${params.toString()}${hash}`;
}
