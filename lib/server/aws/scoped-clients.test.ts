import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as cloudwatchSdk from "@aws-sdk/client-cloudwatch";
import * as dynamodbSdk from "@aws-sdk/client-dynamodb";
import * as dynamodbStreamsSdk from "@aws-sdk/client-dynamodb-streams";
import type { MiddlewareStack } from "@smithy/types";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakeSts } from "@/tests/support/fake-sts";
import type { Scope } from "@/lib/scope/scope";
import { cloudwatch, dynamodb, dynamodbForJobs, dynamodbStreams, dynamodbStreamsForPollers } from "./clients";
import { CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS, DYNAMODB_STREAMS_READ_OPERATIONS, isAllowedOperation, type OperationAllowlist } from "./read-only-allowlist";
import { ReadOnlyViolationError } from "./read-only-guard";

/**
 * The guard is on every client the product builds, whatever account and region it reads: every command each SDK
 * exports is sent through the real factories for every configured scope. Credentials resolve for real: profiles from
 * generated AWS config files, and a role assumed through a fake STS on loopback. A recorder stands where signing and
 * sending would be (finalizeRequest), so no DynamoDB or CloudWatch request leaves the process.
 */

const ACCOUNTS = {
  accounts: [
    { name: "prod", profile: "prod-ro", regions: ["us-east-1", "eu-west-1", "ap-southeast-2"] },
    { name: "shared", profile: "hub", roleArn: "arn:aws:iam::123456789012:role/dynamo-lens", externalId: "ext-1", regions: ["us-west-2"] },
  ],
};
const SCOPES: Scope[] = ACCOUNTS.accounts.flatMap((account) => account.regions.map((region) => ({ account: account.name, region })));

const dir = mkdtempSync(join(tmpdir(), "lens-accounts-"));
writeFileSync(join(dir, "accounts.json"), JSON.stringify(ACCOUNTS));
writeFileSync(join(dir, "config"), "[profile prod-ro]\nregion = us-east-1\n[profile hub]\nregion = us-west-2\n");
writeFileSync(join(dir, "credentials"), "[prod-ro]\naws_access_key_id = AKIDPRODREADONLY\naws_secret_access_key = prod-secret\n[hub]\naws_access_key_id = AKIDHUB\naws_secret_access_key = hub-secret\n");
const sts = await startFakeSts();
afterAll(() => sts.stop());
vi.stubEnv("ACCOUNTS_FILE", join(dir, "accounts.json"));
vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
vi.stubEnv("STS_ENDPOINT", sts.endpoint);
vi.stubEnv("DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
vi.stubEnv("CLOUDWATCH_ENDPOINT", "http://127.0.0.1:9");
vi.stubEnv("DYNAMODB_STREAMS_ENDPOINT", "http://127.0.0.1:9");

type Recorded = { operation: string; region: string };

function record<I extends object, O extends object>(stack: MiddlewareStack<I, O>, sent: Recorded[], region: string): void {
  stack.add(
    () => async (args) => {
      const headers = (args.request as { headers: Record<string, string> }).headers;
      sent.push({ operation: headers["x-amz-target"]?.split(".").pop() ?? "", region });
      return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from("{}")]) }, output: {} as O };
    },
    { step: "finalizeRequest", name: "testRecorder", priority: "high" },
  );
}

function commandsOf(sdk: Record<string, unknown>): Array<[string, new (input: object) => object]> {
  return Object.entries(sdk)
    .filter(([name, value]) => name.endsWith("Command") && name !== "$Command" && typeof value === "function")
    .map(([name, value]) => [name.replace(/Command$/, ""), value as new (input: object) => object]);
}

type ScopedClient = dynamodbSdk.DynamoDBClient | cloudwatchSdk.CloudWatchClient | dynamodbStreamsSdk.DynamoDBStreamsClient;

const factories: Array<{ name: string; sdk: Record<string, unknown>; allowlist: OperationAllowlist; client: (scope: Scope) => ScopedClient; minCommands: number }> = [
  { name: "dynamodb", sdk: dynamodbSdk, allowlist: DYNAMODB_READ_OPERATIONS, client: dynamodb, minCommands: 30 },
  { name: "dynamodbForJobs", sdk: dynamodbSdk, allowlist: DYNAMODB_READ_OPERATIONS, client: dynamodbForJobs, minCommands: 30 },
  { name: "cloudwatch", sdk: cloudwatchSdk, allowlist: CLOUDWATCH_READ_OPERATIONS, client: cloudwatch, minCommands: 30 },
  // DynamoDB Streams exports exactly four commands.
  { name: "dynamodbStreams", sdk: dynamodbStreamsSdk, allowlist: DYNAMODB_STREAMS_READ_OPERATIONS, client: dynamodbStreams, minCommands: 3 },
  { name: "dynamodbStreamsForPollers", sdk: dynamodbStreamsSdk, allowlist: DYNAMODB_STREAMS_READ_OPERATIONS, client: dynamodbStreamsForPollers, minCommands: 3 },
];

const EXPECTED_KEY: Record<string, RegExp> = { prod: /^AKIDPRODREADONLY$/, shared: /^ASIAFAKE\d{4}$/ };

describe.each(factories)("$name(scope) for every configured account and region", ({ sdk, allowlist, client, minCommands }) => {
  it.each(SCOPES)("$account/$region: one client, in its region, that sends only allowed reads", async (scope) => {
    const first = client(scope);
    expect(client({ ...scope })).toBe(first);
    expect(await first.config.region()).toBe(scope.region);
    const identity = await first.config.credentials();
    expect(identity.accessKeyId).toMatch(EXPECTED_KEY[scope.account] ?? /^$/);
    const sent: Recorded[] = [];
    record(first.middlewareStack as MiddlewareStack<object, object>, sent, scope.region);
    const send = first.send.bind(first) as (command: object) => Promise<unknown>;
    const commands = commandsOf(sdk);
    expect(commands.length).toBeGreaterThan(minCommands);
    for (const [operation, Command] of commands) {
      const before = sent.length;
      const outcome = await send(new Command({})).then(
        () => null,
        (error: unknown) => error,
      );
      if (isAllowedOperation(allowlist, operation)) {
        expect(outcome, operation).not.toBeInstanceOf(ReadOnlyViolationError);
        expect(sent.slice(before), operation).toEqual([{ operation, region: scope.region }]);
      } else {
        expect(outcome, operation).toBeInstanceOf(ReadOnlyViolationError);
        expect(sent.length, operation).toBe(before);
      }
    }
  });

  it("keeps a separate client per account and region", () => {
    const clients = new Set(SCOPES.map((scope) => client(scope)));
    expect(clients.size).toBe(SCOPES.length);
  });
});

describe("dynamodbStreamsForPollers", () => {
  it("makes one attempt per request, so the poller's own back-off sees and counts every throttled GetRecords", async () => {
    expect(await dynamodbStreamsForPollers(SCOPES[0] ?? { account: "prod", region: "us-east-1" }).config.maxAttempts()).toBe(1);
    expect(await dynamodbStreams(SCOPES[0] ?? { account: "prod", region: "us-east-1" }).config.maxAttempts()).toBeGreaterThan(1);
  });
});

describe("a scope that is not configured", () => {
  it.each([
    [{ account: "nope", region: "us-east-1" }, /Unknown account "nope"\. Known accounts: prod, shared\./],
    [{ account: "prod", region: "us-west-2" }, /Unknown region "us-west-2" for account prod\. Known regions: us-east-1, eu-west-1, ap-southeast-2\./],
  ])("gets no client: %o", (scope, message) => {
    expect(() => dynamodb(scope)).toThrow(message);
    expect(() => cloudwatch(scope)).toThrow(message);
  });
});

describe("the assumed role", () => {
  it("is assumed once for every client of the account, as dynamo-lens with the external id, from the source profile", async () => {
    const scope = { account: "shared", region: "us-west-2" };
    await Promise.all([dynamodb(scope), dynamodbForJobs(scope), cloudwatch(scope), dynamodbStreams(scope), dynamodbStreamsForPollers(scope)].map((client) => client.config.credentials()));
    const assumed = sts.calls.filter((call) => call.roleArn === "arn:aws:iam::123456789012:role/dynamo-lens");
    expect(assumed).toHaveLength(1);
    expect(assumed[0]).toMatchObject({ action: "AssumeRole", sessionName: "dynamo-lens", externalId: "ext-1", durationSeconds: "3600", signedWithKey: "AKIDHUB", region: "us-west-2" });
  });
});

