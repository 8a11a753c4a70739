import "server-only";
import type { AccountConfig } from "@/lib/accounts/account-config";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Scope, ScopeOptions } from "@/lib/scope/scope";

/** The configured accounts and regions, names only: what the header's switcher and /api/fleet may show. */
export function scopeOptions(): ScopeOptions {
  return { accounts: env().accounts.map((account) => ({ name: account.name, regions: [...account.regions] })) };
}

export function defaultScope(): Scope {
  const first = env().accounts[0];
  const region = first?.regions[0];
  // env() refuses a configuration without an account or a region, so this is a programming error.
  if (!first || !region) throw new Error("No account is configured.");
  return { account: first.name, region };
}

export function accountConfig(scope: Scope): AccountConfig {
  const account = env().accounts.find((candidate) => candidate.name === scope.account);
  if (!account || !account.regions.includes(scope.region)) throw unknownScope(scope.account, scope.region);
  return account;
}

function unknownScope(account: string, region: string | null): AppError {
  const accounts = env().accounts;
  const known = accounts.find((candidate) => candidate.name === account);
  if (!known) {
    return new AppError("BAD_REQUEST", `Unknown account "${account}". Known accounts: ${accounts.map((candidate) => candidate.name).join(", ")}.`);
  }
  return new AppError("BAD_REQUEST", `Unknown region "${region ?? ""}" for account ${known.name}. Known regions: ${known.regions.join(", ")}.`);
}

/**
 * The scope a request names with `account` and `region`. Either may be left out: the account defaults to the first
 * configured one, the region to that account's first, so URLs from before accounts existed keep working. An account
 * or region that is not configured is a 400 that lists the known ones.
 */
export function resolveScope(input: { account?: string | null; region?: string | null }): Scope {
  const settings = env();
  const accountName = input.account ?? undefined;
  const account = accountName === undefined ? settings.accounts[0] : settings.accounts.find((candidate) => candidate.name === accountName);
  if (!account) throw unknownScope(accountName ?? "", null);
  const region = input.region ?? account.regions[0];
  if (region === undefined || !account.regions.includes(region)) throw unknownScope(account.name, region ?? null);
  return { account: account.name, region };
}

/** The scope named by a request URL's query. */
export function scopeFromUrl(url: URL): Scope {
  const account = url.searchParams.getAll("account");
  const region = url.searchParams.getAll("region");
  if (account.length > 1 || region.length > 1) throw new AppError("BAD_REQUEST", "Give account and region at most once each.");
  return resolveScope({ account: account[0] ?? null, region: region[0] ?? null });
}

/** The scope named by a page's searchParams (Next passes a string, an array for repeats, or nothing). */
export function scopeFromSearchParams(params: Record<string, string | string[] | undefined>): Scope {
  const one = (value: string | string[] | undefined) => {
    if (Array.isArray(value)) throw new AppError("BAD_REQUEST", "Give account and region at most once each.");
    return value ?? null;
  };
  return resolveScope({ account: one(params.account), region: one(params.region) });
}
