import "server-only";
import type { Scope } from "@/lib/scope/scope";
import { DescribeContributorInsightsCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { howToEnable } from "@/lib/insights/insight-rules";
import type { InsightsMode, InsightsResourceStatus, InsightsStatus } from "@/lib/insights/insights-types";
import type { TableDetail } from "@/lib/tables/table-detail";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { describeTable } from "@/lib/server/tables/describe-table";
import { clientKey, resolveClients, type InsightsClients } from "./insights-clients";

/** Status changes take minutes (ENABLING → ENABLED), so half a minute of caching hides nothing that matters. */
const STATUS_TTL_MS = 30_000;
/** DescribeContributorInsights is a control-plane call with a low rate quota: a few at a time. */
const DESCRIBE_CONCURRENCY = 4;
const STATUSES: readonly string[] = ["ENABLING", "ENABLED", "DISABLING", "DISABLED", "FAILED"] satisfies InsightsStatus[];
const MODES: readonly string[] = ["ACCESSED_AND_THROTTLED_KEYS", "THROTTLED_KEYS"] satisfies InsightsMode[];
const isStatus = (value: string): value is InsightsStatus => STATUSES.includes(value);
const isMode = (value: string | undefined): value is InsightsMode => value !== undefined && MODES.includes(value);

/**
 * Errors that mean "this endpoint or identity cannot tell", not "the request failed": the resource is reported as
 * UNAVAILABLE with the reason instead of failing the page. DynamoDB Local answers UnknownOperationException.
 */
const UNAVAILABLE_REASONS: Readonly<Record<string, string>> = {
  UnknownOperationException: "This DynamoDB endpoint does not implement Contributor Insights (UnknownOperationException). DynamoDB Local lacks it; the local stack's metering proxy provides it.",
  AccessDeniedException: "The server's AWS credentials may not call dynamodb:DescribeContributorInsights (AccessDeniedException); see the IAM policy in the README.",
  ResourceNotFoundException: "DynamoDB did not find this table or index when asked for its Contributor Insights status (ResourceNotFoundException).",
};

export type InsightsStatusResult = { table: TableDetail; statuses: InsightsResourceStatus[]; fetchedAt: number };

// Per table of every account and region: the overview reads each table's status twice in one pass, and a cap below the
// fleet's table count would evict the first read before the second (measured: 300 extra calls for 3 × 100 tables).
const cache = new TtlCache<InsightsStatusResult>(10_000);

/**
 * Contributor Insights status of an exposed table (a hidden or missing one is a 404) and each of its GSIs, from
 * DescribeContributorInsights. A resource whose status cannot be read is UNAVAILABLE with the reason, never a 500.
 */
export async function contributorInsightsStatus(scope: Scope, tableName: string, clients: InsightsClients = {}): Promise<InsightsStatusResult> {
  const table = await describeTable(scope, tableName);
  const { dynamodb } = resolveClients(scope, clients);
  const key = JSON.stringify([clientKey(dynamodb), table.name, table.gsis.map((gsi) => gsi.name)]);
  return cache.get(key, STATUS_TTL_MS, async () => {
    const resources = [null, ...table.gsis.map((gsi) => gsi.name)];
    const statuses = await mapWithConcurrency(resources, DESCRIBE_CONCURRENCY, (index) => describeOne(dynamodb, table.name, index));
    return { table, statuses, fetchedAt: Date.now() };
  });
}

async function describeOne(client: DynamoDBClient, table: string, index: string | null): Promise<InsightsResourceStatus> {
  try {
    const output = await client.send(new DescribeContributorInsightsCommand({ TableName: table, IndexName: index ?? undefined }));
    const raw = output.ContributorInsightsStatus ?? "";
    // A status this code does not know (AWS may add one) cannot be acted on safely; say so rather than guess.
    const status: InsightsStatus = isStatus(raw) ? raw : "UNAVAILABLE";
    const mode = isMode(output.ContributorInsightsMode) ? output.ContributorInsightsMode : null;
    const failure = output.FailureException;
    const reason =
      status === "UNAVAILABLE"
        ? `DynamoDB answered an unknown status (${raw || "none"}).`
        : status === "FAILED" && failure
          ? `${failure.ExceptionName ?? "Failure"}: ${failure.ExceptionDescription ?? ""}`.trim()
          : null;
    return {
      table,
      index,
      status,
      // Resources enabled before DynamoDB added modes report none; they track accessed and throttled keys.
      mode: status === "ENABLED" || status === "ENABLING" ? (mode ?? "ACCESSED_AND_THROTTLED_KEYS") : mode,
      rules: output.ContributorInsightsRuleList ?? [],
      lastUpdated: output.LastUpdateDateTime?.getTime() ?? null,
      reason,
      howToEnable: status === "DISABLED" || status === "FAILED" ? howToEnable(table, index) : null,
    };
  } catch (error) {
    const reason = error instanceof Error ? UNAVAILABLE_REASONS[error.name] : undefined;
    if (reason === undefined) throw error;
    return { table, index, status: "UNAVAILABLE", mode: null, rules: [], lastUpdated: null, reason, howToEnable: null };
  }
}
