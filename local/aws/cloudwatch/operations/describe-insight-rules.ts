import { z } from "zod";
import { invalidNextToken, validationError } from "../cloudwatch-errors";
import { decodeToken, encodeToken, fingerprint } from "../../shared/paging-token";
import { parseWire } from "../../shared/request-body";
import type { Operation } from "./operation";

const inputSchema = z.object({ NextToken: z.string().optional(), MaxResults: z.number().optional() });

/** DescribeInsightRules: up to MaxResults rules (1–500, default 500) per page, sorted by name. */
export const describeInsightRules: Operation = (body, { insights }) => {
  const input = parseWire(inputSchema, body);
  const maxResults = input.MaxResults ?? 500;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 500) {
    throw validationError(`The value ${maxResults} for parameter MaxResults is invalid; it must be between 1 and 500.`);
  }
  // Every caller sees the same rule list, so the token needs no request fingerprint beyond the operation.
  const requestFingerprint = fingerprint("DescribeInsightRules");
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    after = decodeToken(input.NextToken, "DescribeInsightRules", requestFingerprint, z.string());
    if (after === undefined) throw invalidNextToken();
  }
  const rules = insights.listRules();
  const remaining = after === undefined ? rules : rules.filter((rule) => rule.name > (after ?? ""));
  const page = remaining.slice(0, maxResults);
  const last = page[page.length - 1];
  return {
    InsightRules: page.map((rule) => ({
      Name: rule.name,
      State: rule.state,
      Schema: rule.schema,
      Definition: rule.definition,
      ManagedRule: rule.managedRule,
    })),
    ...(last && remaining.length > page.length ? { NextToken: encodeToken("DescribeInsightRules", requestFingerprint, last.name) } : {}),
  };
};
