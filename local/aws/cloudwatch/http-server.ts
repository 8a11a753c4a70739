import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { z } from "zod";
import { createAwsJsonServer, localRequestScope, localRouteNotFound, sendJson, type AwsJsonOperation } from "../shared/aws-json-server";
import type { OperationStats } from "../shared/operation-stats";
import { readBody } from "../shared/request-body";
import { internalError, wireError } from "./cloudwatch-errors";
import { localInsightsBodySchema } from "./local-data-schemas";
import { OPERATIONS } from "./operations/operations";
import { DEFAULT_TENANT, type TenantRegistry } from "./tenant-stores";

/** The awsJson1_0 service target the SDK puts before the operation name in X-Amz-Target. */
export const TARGET_PREFIX = "GraniteServiceVersion20100801.";

export type CloudWatchServerDeps = {
  tenants: TenantRegistry;
  log: (line: string) => void;
  now?: () => number;
};

/** CloudWatch's `/_local/insights`: Contributor Insights rules and samples, which the real service derives from logs. */
async function postInsights(request: IncomingMessage, response: ServerResponse, tenants: TenantRegistry): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    return sendJson(response, 400, { error: `The body could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
  // Insight samples belong to the tenant the Authorization header's credential scope names, as PutMetricData's do;
  // without one they go to the default tenant (the demo account's us-east-1), which older callers relied on.
  const scope = localRequestScope(request);
  if (!scope.ok) return sendJson(response, 400, { error: scope.message });
  const { insights } = tenants.forTenant(scope.scope ?? DEFAULT_TENANT);

  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch (error) {
    return sendJson(response, 400, { error: `The body is not JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  const parsed = localInsightsBodySchema.safeParse(json);
  if (!parsed.success) return sendJson(response, 400, { error: z.prettifyError(parsed.error) });
  const { rules = [], samples = [] } = parsed.data;
  // Check every sample's rule before changing anything, so a bad request changes nothing.
  const defined = new Set(rules.map((rule) => rule.name));
  const unknown = samples.find((sample) => !defined.has(sample.ruleName) && !insights.hasRule(sample.ruleName));
  if (unknown) return sendJson(response, 400, { error: `Insight rule ${unknown.ruleName} does not exist` });
  for (const rule of rules) insights.defineRule(rule);
  for (const sample of samples) insights.addSample(sample);
  sendJson(response, 204, undefined);
}

/** The HTTP server: CloudWatch's awsJson1_0 (awsQueryCompatible) protocol on POST /, plus the `/_local/` extras. */
export function createCloudWatchServer(deps: CloudWatchServerDeps): { server: Server; stats: OperationStats } {
  // Each CloudWatch operation works on the stores of the tenant (account and region) the request's scope names.
  const operations = new Map<string, AwsJsonOperation>(
    [...OPERATIONS].map(([name, operation]) => [name, (input, { scope, nowMs }) =>
      operation(input, { ...deps.tenants.forTenant(scope), accountId: scope.accountId, region: scope.region, nowMs }),
    ]),
  );
  return createAwsJsonServer({
    serviceName: "local CloudWatch",
    targetPrefix: TARGET_PREFIX,
    protocol: "awsJson1_0",
    queryCompatible: true,
    operations,
    errorShape: wireError,
    internalError,
    log: deps.log,
    now: deps.now,
    localRoutes: (request, response, path) => {
      if (request.method === "POST" && path === "/_local/insights") return postInsights(request, response, deps.tenants);
      localRouteNotFound(response, `${request.method ?? "GET"} ${path}`);
    },
  });
}
