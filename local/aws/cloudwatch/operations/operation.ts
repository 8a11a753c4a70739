import type { InsightStore } from "../insight-store";
import type { MetricStore } from "../metric-store";

export type OperationContext = { metrics: MetricStore; insights: InsightStore; nowMs: number };

/**
 * One CloudWatch operation: takes the parsed JSON body (nulls already removed) and returns the JSON
 * output, or throws a CloudWatchApiError that becomes the wire error.
 */
export type Operation = (input: unknown, context: OperationContext) => Record<string, unknown>;
