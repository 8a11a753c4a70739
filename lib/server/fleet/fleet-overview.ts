import "server-only";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { rankFleet } from "@/lib/fleet/fleet-rank";
import type { FleetResponse, FleetScopeResult, FleetTableRow } from "@/lib/fleet/fleet-types";
import { allScopes, type Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import { overviewDiagnosis } from "@/lib/server/diagnosis/overview-diagnosis";
import { toAppError } from "@/lib/server/http/error-response";
import { overviewMetrics } from "@/lib/server/metrics/overview-metrics";
import { scopeOptions } from "@/lib/server/scope/resolve-scope";
import { tablesOverview } from "@/lib/server/tables/tables-overview";

/**
 * Accounts and regions read at once. Each one's own reads are capped inside it (describes at 8, CloudWatch in
 * batches of 500 queries), so this bounds the fleet's total to a few dozen requests in flight.
 */
const SCOPE_CONCURRENCY = 6;

function failureOf(error: unknown, what: string): { code: string; message: string } {
  const appError = toAppError(error);
  if (appError) return { code: appError.code, message: appError.message };
  // Unexpected: the detail stays in the server log, the page says only what failed.
  console.error(`[dynamo-lens] fleet: ${what} failed`, error);
  return { code: "INTERNAL", message: `${what} failed.` };
}

type ScopeRead = { result: FleetScopeResult; rows: FleetTableRow[]; window: { start: number; end: number } | null };

/** One account and region: its tables, their last hour, and the worst verdict of each, as its own overview shows them. */
async function readScope(scope: Scope, access: Access, now: number): Promise<ScopeRead> {
  const started = Date.now();
  let listing;
  try {
    listing = await tablesOverview(scope);
  } catch (error) {
    const failure = failureOf(error, `Listing tables in ${scope.account}/${scope.region}`);
    return { result: { ...scope, ok: false, code: failure.code, error: failure.message, elapsedMs: Date.now() - started }, rows: [], window: null };
  }
  const names = listing.tables.map((entry) => entry.name);
  // Metrics and verdicts fail on their own: the tables still list, and the scope says what it could not read.
  const [metrics, verdicts] = await Promise.allSettled([overviewMetrics(scope, names, now), overviewDiagnosis(scope, access, now)]);
  const metricsError = metrics.status === "rejected" ? failureOf(metrics.reason, "Reading CloudWatch metrics").message : null;
  const diagnosisError = verdicts.status === "rejected" ? failureOf(verdicts.reason, "Diagnosing tables").message : null;
  const rows = listing.tables.map(
    (entry): FleetTableRow => ({
      ...scope,
      name: entry.name,
      detail: entry.detail,
      error: entry.error,
      metrics: metrics.status === "fulfilled" ? (metrics.value.tables[entry.name] ?? null) : null,
      verdict: verdicts.status === "fulfilled" ? (verdicts.value.tables[entry.name] ?? null) : null,
      alarmsInAlarm: verdicts.status === "fulfilled" ? (verdicts.value.tables[entry.name]?.alarmsInAlarm ?? null) : null,
      cost: verdicts.status === "fulfilled" ? (verdicts.value.tables[entry.name]?.cost ?? null) : null,
    }),
  );
  const window = metrics.status === "fulfilled" ? { start: metrics.value.start, end: metrics.value.end } : null;
  return { result: { ...scope, ok: true, tables: rows.length, metricsError, diagnosisError, elapsedMs: Date.now() - started }, rows, window };
}

/**
 * Every exposed table of every configured account and region, trouble first. Scopes are read in parallel and each
 * one fails alone: access denied, an unreachable region or expired credentials show as that scope's error while
 * everything else loads.
 */
export async function fleetOverview(access: Access, now: number = Date.now()): Promise<FleetResponse> {
  const reads = await mapWithConcurrency(allScopes(scopeOptions()), SCOPE_CONCURRENCY, (scope) => readScope(scope, access, now));
  return {
    scopes: reads.map((read) => read.result),
    tables: rankFleet(reads.flatMap((read) => read.rows)),
    window: reads.find((read) => read.window)?.window ?? null,
    generatedAt: now,
  };
}
