import { CloudWatchClient, ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import type { HttpRequest } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { accountIdOf, LOCAL_ACCESS_KEYS } from "./account-ids";
import { authErrorResponse } from "./aws-json-errors";
import { parseCredentialScope, requestScopeOf, scopeKey, unsignedAuthorization } from "./sigv4-scope";

describe("parseCredentialScope", () => {
  it("reads the key, date, region and service from a header the SDK's own signer wrote", async () => {
    let authorization: string | undefined;
    // A request handler that only records what the SDK signed, so nothing is sent anywhere.
    const requestHandler = {
      handle: async (request: HttpRequest) => {
        authorization = request.headers.authorization;
        throw new Error("recorded");
      },
    };
    const client = new CloudWatchClient({ region: "eu-west-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s" }, requestHandler, maxAttempts: 1 });
    await expect(client.send(new ListMetricsCommand({}))).rejects.toThrow("recorded");
    client.destroy();
    expect(parseCredentialScope(authorization)).toEqual({
      ok: true,
      scope: { accessKeyId: "AKIDEXAMPLE", date: expect.stringMatching(/^20\d{6}$/), region: "eu-west-1", service: "monitoring" },
    });
  });

  it("reads the scope of the local extensions' unsigned header", () => {
    expect(parseCredentialScope(unsignedAuthorization("analytics", "us-east-1", "monitoring", new Date("2026-01-02T00:00:00Z")))).toEqual({
      ok: true,
      scope: { accessKeyId: "analytics", date: "20260102", region: "us-east-1", service: "monitoring" },
    });
  });

  it("calls a request without an Authorization header MissingAuthenticationToken", () => {
    for (const header of [undefined, "", "   "]) {
      expect(parseCredentialScope(header)).toEqual({ ok: false, problem: { code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" } });
    }
  });

  it.each([
    ["garbage", /Unsupported AWS 'algorithm': 'garbage'/],
    ["AWS4-HMAC-SHA256", /requires 'Credential'.*requires 'SignedHeaders'.*requires 'Signature'/],
    ["AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0", /requires 'Credential' parameter\. Authorization=/],
    ["AWS4-HMAC-SHA256 Credential=k/20260101/dynamodb/aws4_request, SignedHeaders=host, Signature=0", /valid region, service and date/],
    ["AWS4-HMAC-SHA256 Credential=/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0", /valid region, service and date/],
    ["AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws5_request, SignedHeaders=host, Signature=0", /terminator: 'aws4_request', not 'aws5_request'/],
    ["AWS4-HMAC-SHA256 Credential=k/2026-01-01/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0", /ISO-8601/],
    ["AWS4-HMAC-SHA256 Credential=k/20260101/US_EAST/dynamodb/aws4_request, SignedHeaders=host, Signature=0", /valid region, not 'US_EAST'/],
    ["AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/Dynamo DB/aws4_request, SignedHeaders=host, Signature=0", /valid service/],
  ])("calls %j IncompleteSignature", (header, message) => {
    const result = parseCredentialScope(header);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe("IncompleteSignature");
      expect(result.problem.message).toMatch(message);
    }
  });
});

describe("accounts and scopes", () => {
  it("maps the demo keys to their fixed accounts and every other key to a stable account of its own", () => {
    expect(accountIdOf("local")).toBe("111111111111");
    expect(accountIdOf("analytics")).toBe("222222222222");
    const other = accountIdOf("someone-else");
    expect(other).toMatch(/^9\d{11}$/);
    expect(accountIdOf("someone-else")).toBe(other);
    expect(accountIdOf("someone-else-2")).not.toBe(other);
    expect(Object.values(LOCAL_ACCESS_KEYS)).not.toContain(other);
  });

  it("keys tenant state by account and region", () => {
    const scope = requestScopeOf({ accessKeyId: "local", region: "eu-west-1" });
    expect(scope).toEqual({ accessKeyId: "local", accountId: "111111111111", region: "eu-west-1" });
    expect(scopeKey(scope)).toBe("111111111111/eu-west-1");
  });
});

describe("authErrorResponse", () => {
  it("sends AWS JSON's bare framework type, 400 for both problems", () => {
    expect(authErrorResponse({ code: "MissingAuthenticationToken", message: "m" }, "awsJson")).toEqual({
      status: 400,
      headers: {},
      body: { __type: "com.amazon.coral.service#MissingAuthenticationTokenException", message: "m" },
    });
  });

  it("adds the query code and the common errors' status for query-compatible services", () => {
    expect(authErrorResponse({ code: "MissingAuthenticationToken", message: "m" }, "awsQueryCompatible")).toMatchObject({
      status: 403,
      headers: { "x-amzn-query-error": "MissingAuthenticationToken;Sender" },
    });
    expect(authErrorResponse({ code: "IncompleteSignature", message: "m" }, "awsQueryCompatible")).toMatchObject({
      status: 400,
      headers: { "x-amzn-query-error": "IncompleteSignature;Sender" },
    });
  });
});
