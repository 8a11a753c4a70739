import type { AlarmStore } from "../alarm-store";
import type { InsightStore } from "../insight-store";
import type { MetricStore } from "../metric-store";

/** The tenant's stores, its account and region (for ARNs), and the clock. */
export type OperationContext = { metrics: MetricStore; insights: InsightStore; alarms: AlarmStore; accountId: string; region: string; nowMs: number };

/**
 * One CloudWatch operation: takes the parsed JSON body (nulls already removed) and returns the JSON
 * output, or throws a CloudWatchApiError that becomes the wire error.
 */
export type Operation = (input: unknown, context: OperationContext) => Record<string, unknown>;
