import "server-only";
import { tableChangesIn } from "@/lib/changes/change-list";
import type { ChangesResponse, TableChange } from "@/lib/changes/change-types";
import { env } from "@/lib/env";
import { metricsTtlMs, type MetricWindow } from "@/lib/metrics/metric-window";
import type { Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import { keyDigest } from "@/lib/server/auth/redact-item";
import { describeTable } from "@/lib/server/tables/describe-table";
import { scopeChanges, type ReadWindow, type ScopeChanges } from "./scope-changes";

/**
 * The window CloudTrail is read for: the page's window, and the lead time before it, so a change shortly before the
 * window can still explain throttling that begins early in it ("changed-before"). The table page, its diagnosis and
 * the overview all read this same window for the same page window, so they share one lookup.
 */
export function changesReadWindow(window: Pick<MetricWindow, "startMs" | "endMs">, leadMinutes: number = env().changeLeadMinutes): ReadWindow {
  return { startMs: window.startMs - leadMinutes * 60_000, endMs: window.endMs };
}

/** The scope's changes for a page window (cached like the window's metrics, coalesced, paced). */
export function scopeChangesFor(scope: Scope, window: MetricWindow, nowMs: number): Promise<ScopeChanges> {
  return scopeChanges(scope, changesReadWindow(window), metricsTtlMs(window, nowMs), nowMs);
}

/**
 * Changes as this caller may see them: a viewer (access.digestsKeys, the setting that digests key values) gets a
 * digest of the identity ARN, which still tells one person from another, never the ARN (it names people and roles).
 * Copies: the cached history shared by every caller is never changed.
 */
export function presentChanges(changes: readonly TableChange[], access: Access): TableChange[] {
  if (!access.digestsKeys) return [...changes];
  return changes.map((change) => ({ ...change, who: keyDigest(change.who), whoDigested: true }));
}

/**
 * GET /api/tables/:table/changes: the management calls on the table, its GSIs and their auto scaling in the window,
 * oldest first, each with who made it and what it changed. An exposed table only (a hidden or missing one is a 404).
 */
export async function tableChanges(scope: Scope, tableName: string, window: MetricWindow, access: Access, nowMs: number = Date.now()): Promise<ChangesResponse> {
  await describeTable(scope, tableName);
  const read = await scopeChangesFor(scope, window, nowMs);
  const span = { start: window.startMs, end: window.endMs };
  const unreadable = read.unreadable > 0 ? `${read.unreadable} CloudTrail record${read.unreadable === 1 ? "" : "s"} could not be read.` : null;
  return {
    table: tableName,
    window: span,
    changes: presentChanges(tableChangesIn(read.changes, tableName, span), access),
    complete: read.complete && unreadable === null,
    incompleteReason: [read.incompleteReason, unreadable].filter((reason): reason is string => reason !== null).join(" ") || null,
    generatedAt: nowMs,
  };
}
