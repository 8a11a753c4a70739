/**
 * Where each replica of a global table opens: the same table in the replica's region, in the account being read.
 * Dynamo Lens reads only the regions configured for an account (ACCOUNTS_FILE), so a replica in any other region gets
 * no link. Client-safe, pure.
 */
import { withScope, type Scope, type ScopeOptions } from "@/lib/scope/scope";
import type { ReplicaDetail } from "./table-detail";

/** `href` is null when the replica's region isn't configured for the current account. */
export type ReplicaLink = ReplicaDetail & { href: string | null };

export function replicaLinks(table: string, replicas: readonly ReplicaDetail[], scope: Scope, options: ScopeOptions): ReplicaLink[] {
  const configured = options.accounts.find((account) => account.name === scope.account)?.regions ?? [];
  return replicas.map((replica) => ({
    ...replica,
    href: configured.includes(replica.region) ? withScope(`/tables/${encodeURIComponent(table)}`, { account: scope.account, region: replica.region }) : null,
  }));
}

/** "2019.11.21 (current)", "2017.11.29 (legacy)", or the version as DynamoDB gives it. */
export function globalTableVersionLabel(version: string): string {
  if (version === "2019.11.21") return `${version} (current)`;
  if (version === "2017.11.29") return `${version} (legacy)`;
  return version;
}
