import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
} from "@aws-sdk/client-application-auto-scaling";
import type { Server } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAwsJsonServer, type AwsJsonOperationContext } from "./aws-json-server";
import type { OperationStats } from "./operation-stats";
import { parseWire } from "./request-body";
import { close, listen } from "./server-lifecycle";
import { AwsServiceError } from "./service-error";
import { unsignedAuthorization } from "./sigv4-scope";

// A stand-in service on the shared server, driven through a real AWS JSON 1.1 client (Application Auto Scaling).
const PREFIX = "AnyScaleFrontendService";
const NOW = Date.UTC(2026, 11, 3, 12, 0);
const seen: Array<{ input: unknown; context: AwsJsonOperationContext }> = [];
const logged: string[] = [];

let server: Server;
let stats: OperationStats;
let endpoint: string;
let client: ApplicationAutoScalingClient;

const inputSchema = z.object({ ServiceNamespace: z.string(), ResourceIds: z.array(z.string()).optional() });

beforeAll(async () => {
  ({ server, stats } = createAwsJsonServer({
    serviceName: "test service",
    targetPrefix: `${PREFIX}.`,
    protocol: "awsJson1_1",
    operations: new Map([
      [
        "DescribeScalableTargets",
        async (input: unknown, context: AwsJsonOperationContext) => {
          const parsed = parseWire(inputSchema, input);
          seen.push({ input: parsed, context });
          await Promise.resolve();
          return { ScalableTargets: [] };
        },
      ],
      [
        "DescribeScalingPolicies",
        () => {
          throw new AwsServiceError("ValidationException", "Unsupported service namespace");
        },
      ],
      [
        "DescribeScheduledActions",
        () => {
          throw new Error("a bug with a secret detail");
        },
      ],
    ]),
    log: (line) => logged.push(line),
    now: () => NOW,
  }));
  endpoint = `http://127.0.0.1:${await listen(server, 0)}`;
  client = new ApplicationAutoScalingClient({
    endpoint,
    region: "eu-west-1",
    credentials: { accessKeyId: "analytics", secretAccessKey: "x" },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await close(server);
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );

function raw(operation: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `${PREFIX}.${operation}`,
      authorization: unsignedAuthorization("local", "us-east-1", "application-autoscaling"),
      ...headers,
    },
    body,
  });
}

describe("the shared AWS JSON server", () => {
  it("routes by X-Amz-Target and gives the operation the signed tenant and the clock", async () => {
    const output = await client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb" }));
    expect(output.ScalableTargets).toEqual([]);
    expect(seen.at(-1)).toEqual({
      input: { ServiceNamespace: "dynamodb" },
      context: { scope: { accessKeyId: "analytics", accountId: "222222222222", region: "eu-west-1" }, nowMs: NOW },
    });
  });

  it("answers with the protocol's content type and drops explicit nulls", async () => {
    const response = await raw("DescribeScalableTargets", JSON.stringify({ ServiceNamespace: "dynamodb", ResourceIds: null }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(seen.at(-1)?.input).toEqual({ ServiceNamespace: "dynamodb" });
  });

  it("inflates gzip bodies", async () => {
    const response = await raw("DescribeScalableTargets", new Uint8Array(gzipSync(JSON.stringify({ ServiceNamespace: "gz" }))), {
      "content-encoding": "gzip",
    });
    expect(response.status).toBe(200);
    expect(seen.at(-1)?.input).toEqual({ ServiceNamespace: "gz" });
  });

  it("sends a service error as plain AWS JSON, which the SDK names after __type", async () => {
    const error = await rejection(client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb" })));
    expect(error).toMatchObject({ name: "ValidationException", message: "Unsupported service namespace", $metadata: { httpStatusCode: 400 } });
    const response = await raw("DescribeScalingPolicies", "{}");
    expect(await response.json()).toEqual({ __type: "ValidationException", message: "Unsupported service namespace" });
  });

  it("answers an unexpected failure with InternalFailure and no detail, and logs it", async () => {
    const error = await rejection(client.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "dynamodb" })));
    expect(error).toMatchObject({ name: "InternalFailure", $metadata: { httpStatusCode: 500 } });
    expect(error instanceof Error ? error.message : "").not.toContain("secret");
    expect(logged.some((line) => line.includes("a bug with a secret detail"))).toBe(true);
  });

  it("refuses bodies that are not JSON objects, or of the wrong shape, with SerializationException", async () => {
    for (const body of ["{not json", "[1]", JSON.stringify({ ServiceNamespace: 7 })]) {
      const response = await raw("DescribeScalableTargets", body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: "com.amazon.coral.service#SerializationException" });
    }
  });

  it("refuses an unknown operation, and an unsigned request before routing", async () => {
    const unknown = await raw("DeleteScalingPolicy", "{}");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: "com.amazon.coral.service#UnknownOperationException" });
    const unsigned = await raw("NoSuchOperation", "{}", { authorization: "" });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ __type: "com.amazon.coral.service#MissingAuthenticationTokenException" });
  });

  it("serves health and per-operation counts under /_local/, and 404 for other local routes", async () => {
    expect((await fetch(`${endpoint}/_local/health`)).status).toBe(200);
    expect(stats.snapshot()).toMatchObject({ DescribeScalableTargets: expect.any(Number), DeleteScalingPolicy: 1 });
    const counted = (await (await fetch(`${endpoint}/_local/stats`)).json()) as { operations: Record<string, number> };
    expect(counted.operations).toEqual(stats.snapshot());
    expect((await fetch(`${endpoint}/_local/stats/reset`, { method: "POST" })).status).toBe(204);
    expect(stats.snapshot()).toEqual({});
    expect((await fetch(`${endpoint}/_local/nothing`)).status).toBe(404);
  });
});
