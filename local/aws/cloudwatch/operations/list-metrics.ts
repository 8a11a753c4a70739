import { z } from "zod";
import { invalidValue } from "../cloudwatch-errors";
import { seriesKey } from "../metric-store";
import { decodeToken, encodeToken, fingerprint } from "../../shared/paging-token";
import { parseWire } from "../../shared/request-body";
import type { Operation } from "./operation";

const inputSchema = z.object({
  Namespace: z.string().optional(),
  MetricName: z.string().optional(),
  Dimensions: z.array(z.object({ Name: z.string().optional(), Value: z.string().optional() })).optional(),
  NextToken: z.string().optional(),
  RecentlyActive: z.string().optional(),
  // Cross-account observability has no meaning for a single local account.
  IncludeLinkedAccounts: z.boolean().optional(),
  OwningAccount: z.string().optional(),
});

/** ListMetrics returns at most 500 metrics per call. */
export const LIST_METRICS_PAGE_SIZE = 500;
const THREE_HOURS_MS = 3 * 3_600_000;

/**
 * ListMetrics. Its only modeled client error is InvalidParameterValue, so a bad NextToken is
 * answered with that too. Metrics appear as soon as they are stored (AWS can take up to 15 minutes).
 */
export const listMetrics: Operation = (body, { metrics, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const filters = input.Dimensions ?? [];
  if (filters.length > 10) throw invalidValue("The collection Dimensions must not have a size greater than 10.");
  const dimensions = filters.map((filter, index) => {
    if (filter.Name === undefined || filter.Name.length < 1 || filter.Name.length > 255) {
      throw invalidValue(`The parameter Dimensions.member.${index + 1}.Name must be 1 to 255 characters long.`);
    }
    return { name: filter.Name, value: filter.Value };
  });
  if (input.RecentlyActive !== undefined && input.RecentlyActive !== "PT3H") {
    throw invalidValue(`The value ${input.RecentlyActive} for parameter RecentlyActive is invalid; the only valid value is PT3H.`);
  }

  const requestFingerprint = fingerprint({ ns: input.Namespace, name: input.MetricName, dimensions, recent: input.RecentlyActive });
  // The cursor is the last metric returned, not an offset, so metrics created between pages can't shift the pages.
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    after = decodeToken(input.NextToken, "ListMetrics", requestFingerprint, z.string());
    if (after === undefined) throw invalidValue("The value of parameter NextToken is invalid.");
  }

  const matches = metrics.listMetrics({
    namespace: input.Namespace,
    metricName: input.MetricName,
    dimensions,
    activeSinceMs: input.RecentlyActive === undefined ? undefined : nowMs - THREE_HOURS_MS,
  });
  const remaining = after === undefined ? matches : matches.filter((metric) => seriesKey(metric) > (after ?? ""));
  const page = remaining.slice(0, LIST_METRICS_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    Metrics: page.map((metric) => ({
      Namespace: metric.namespace,
      MetricName: metric.metricName,
      Dimensions: metric.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
    })),
    ...(last && remaining.length > page.length ? { NextToken: encodeToken("ListMetrics", requestFingerprint, seriesKey(last)) } : {}),
  };
};
