import type { Scope, ScopeOptions } from "./scope";

export type ScopeInput = { account: string | null; region: string | null };
export type ScopeResolution = { ok: true; scope: Scope } | { ok: false; message: string };

/**
 * The scope `?account=&region=` names. Either may be left out: the account defaults to the first configured one, the
 * region to that account's first, so URLs from before accounts existed keep working. An account or region that is not
 * configured is refused with a message that lists the known ones. Pure: proxy.ts and the route handlers share it.
 */
export function resolveScopeInput(options: ScopeOptions, input: ScopeInput): ScopeResolution {
  const account = input.account === null ? options.accounts[0] : options.accounts.find((candidate) => candidate.name === input.account);
  if (!account) {
    return { ok: false, message: `Unknown account "${input.account ?? ""}". Known accounts: ${options.accounts.map((candidate) => candidate.name).join(", ")}.` };
  }
  const region = input.region ?? account.regions[0];
  if (region === undefined || !account.regions.includes(region)) {
    return { ok: false, message: `Unknown region "${region ?? ""}" for account ${account.name}. Known regions: ${account.regions.join(", ")}.` };
  }
  return { ok: true, scope: { account: account.name, region } };
}

/** The scope input of a query string; a repeated parameter is refused rather than guessed. */
export function scopeInputOf(params: URLSearchParams): ScopeInput | { repeated: true } {
  const account = params.getAll("account");
  const region = params.getAll("region");
  if (account.length > 1 || region.length > 1) return { repeated: true };
  return { account: account[0] ?? null, region: region[0] ?? null };
}

export const REPEATED_SCOPE_MESSAGE = "Give account and region at most once each.";
