import "server-only";
import type { AccountConfig } from "@/lib/accounts/account-config";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { REPEATED_SCOPE_MESSAGE, resolveScopeInput, scopeInputOf, type ScopeInput } from "@/lib/scope/resolve-scope-input";
import type { Scope, ScopeOptions } from "@/lib/scope/scope";

/** The configured accounts and regions, names only: what the header's switcher and /api/fleet may show. */
export function scopeOptions(): ScopeOptions {
  return { accounts: env().accounts.map((account) => ({ name: account.name, regions: [...account.regions] })) };
}

/** The configuration of a scope's account; a scope that is not configured is a 400 (no client is ever built for it). */
export function accountConfig(scope: Scope): AccountConfig {
  const account = env().accounts.find((candidate) => candidate.name === scope.account);
  if (account && account.regions.includes(scope.region)) return account;
  const resolution = resolveScopeInput(scopeOptions(), scope);
  throw new AppError("BAD_REQUEST", resolution.ok ? "Unknown account or region." : resolution.message);
}

/** The scope a request names (see resolveScopeInput); an unknown account or region is a 400 that lists the known ones. */
export function resolveScope(input: ScopeInput): Scope {
  const resolution = resolveScopeInput(scopeOptions(), input);
  if (!resolution.ok) throw new AppError("BAD_REQUEST", resolution.message);
  return resolution.scope;
}

/** The scope named by a request URL's query. */
export function scopeFromUrl(url: URL): Scope {
  const input = scopeInputOf(url.searchParams);
  if ("repeated" in input) throw new AppError("BAD_REQUEST", REPEATED_SCOPE_MESSAGE);
  return resolveScope(input);
}

/** The scope named by a page's searchParams (Next passes a string, an array for repeats, or nothing). */
export function scopeFromSearchParams(params: Record<string, string | string[] | undefined>): Scope {
  const one = (value: string | string[] | undefined) => {
    if (Array.isArray(value)) throw new AppError("BAD_REQUEST", REPEATED_SCOPE_MESSAGE);
    return value ?? null;
  };
  return resolveScope({ account: one(params.account), region: one(params.region) });
}
