import { z } from "zod";
import { decodeToken, encodeToken, fingerprint } from "../shared/paging-token";
import { AutoScalingApiError, validation } from "./autoscaling-errors";

/**
 * MaxResults + NextToken paging of the Describe calls. DescribeScalableTargets, DescribeScalingActivities and
 * DescribeScheduledActions take 1–50 (default 50); DescribeScalingPolicies 1–10 (default 10). A token only works with
 * the request that issued it (the shared tokens carry a fingerprint of the request's filters).
 */
export function pageOf<T>(
  operation: string,
  items: readonly T[],
  request: { MaxResults?: number; NextToken?: string } & Record<string, unknown>,
  limit: { max: number },
): { items: T[]; NextToken?: string } {
  const maxResults = request.MaxResults ?? limit.max;
  if (maxResults < 1 || maxResults > limit.max) throw validation(`MaxResults must be between 1 and ${limit.max}, not ${maxResults}.`);
  // The filters, without the paging members, identify the request a token belongs to.
  const token = request.NextToken;
  const print = fingerprint({ ...request, NextToken: undefined, MaxResults: undefined });
  let offset = 0;
  if (token !== undefined) {
    const position = decodeToken(token, operation, print, z.number().int().nonnegative());
    if (position === undefined) throw new AutoScalingApiError("InvalidNextTokenException", "The NextToken is invalid or was issued for another request.");
    offset = position;
  }
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return next < items.length ? { items: page, NextToken: encodeToken(operation, print, next) } : { items: page };
}
