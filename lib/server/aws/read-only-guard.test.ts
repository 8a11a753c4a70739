import { Readable } from "node:stream";
import * as autoscalingSdk from "@aws-sdk/client-application-auto-scaling";
import * as cloudtrailSdk from "@aws-sdk/client-cloudtrail";
import * as cloudwatchSdk from "@aws-sdk/client-cloudwatch";
import * as dynamodbSdk from "@aws-sdk/client-dynamodb";
import * as dynamodbStreamsSdk from "@aws-sdk/client-dynamodb-streams";
import { describe, expect, it } from "vitest";
import { createAutoScalingClient, createCloudTrailClient, createCloudWatchClient, createDynamoDbClient, createDynamoDbStreamsClient } from "./clients";
import { AUTOSCALING_READ_OPERATIONS, CLOUDTRAIL_READ_OPERATIONS, CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS, DYNAMODB_STREAMS_READ_OPERATIONS, isAllowedOperation } from "./read-only-allowlist";
import { ReadOnlyViolationError } from "./read-only-guard";

type SentRequest = { headers: Record<string, string> };
type CommandClass = new (input: object) => object;

/** A request handler that records what would go on the wire and answers `{}`; nothing leaves the process. */
function recordingHandler(sent: SentRequest[]) {
  return {
    handle: async (request: SentRequest) => {
      sent.push(request);
      return { response: { statusCode: 200, headers: { "content-type": "application/json" }, body: Readable.from([Buffer.from("{}")]) } };
    },
  };
}

/** Every client under test sends to a dead local port through the recording handler, once. */
function recordingConfig(sent: SentRequest[]) {
  return { region: "us-east-1", endpoint: "http://127.0.0.1:9", credentials: { accessKeyId: "test", secretAccessKey: "test" }, requestHandler: recordingHandler(sent), maxAttempts: 1 };
}

function commandsOf(sdk: Record<string, unknown>): Array<[string, CommandClass]> {
  return Object.entries(sdk)
    .filter(([name, value]) => name.endsWith("Command") && name !== "$Command" && typeof value === "function")
    .map(([name, value]) => [name.replace(/Command$/, ""), value as CommandClass]);
}

const services = [
  {
    service: "DynamoDB",
    sdk: dynamodbSdk as Record<string, unknown>,
    allowlist: DYNAMODB_READ_OPERATIONS,
    create: (sent: SentRequest[]) =>
      createDynamoDbClient(recordingConfig(sent)),
  },
  {
    service: "CloudWatch",
    sdk: cloudwatchSdk as Record<string, unknown>,
    allowlist: CLOUDWATCH_READ_OPERATIONS,
    create: (sent: SentRequest[]) =>
      createCloudWatchClient(recordingConfig(sent)),
  },
  {
    service: "Application Auto Scaling",
    sdk: autoscalingSdk as Record<string, unknown>,
    allowlist: AUTOSCALING_READ_OPERATIONS,
    create: (sent: SentRequest[]) =>
      createAutoScalingClient(recordingConfig(sent)),
  },
  {
    service: "CloudTrail",
    sdk: cloudtrailSdk as Record<string, unknown>,
    allowlist: CLOUDTRAIL_READ_OPERATIONS,
    create: (sent: SentRequest[]) =>
      createCloudTrailClient(recordingConfig(sent)),
  },
  {
    service: "DynamoDB Streams",
    sdk: dynamodbStreamsSdk as Record<string, unknown>,
    allowlist: DYNAMODB_STREAMS_READ_OPERATIONS,
    create: (sent: SentRequest[]) =>
      createDynamoDbStreamsClient(recordingConfig(sent)),
  },
] as const;

describe.each(services)("$service read-only guard", ({ service, sdk, allowlist, create }) => {
  const commands = commandsOf(sdk);

  it("sees the SDK's full command list", () => {
    // A sanity floor: if the export shape changed and we found no commands, every case below would pass vacuously.
    // DynamoDB Streams has exactly four commands, all reads.
    expect(commands.length).toBeGreaterThan(service === "DynamoDB" ? 50 : service === "CloudWatch" ? 30 : service === "DynamoDB Streams" ? 3 : 12);
  });

  it.each(commands)("%s is allowed only if the allowlist says so", async (operation, Command) => {
    const sent: SentRequest[] = [];
    const client = create(sent);
    const send = client.send.bind(client) as (command: object) => Promise<unknown>;
    const outcome = await send(new Command({})).then(
      () => null,
      (error: unknown) => error,
    );
    if (isAllowedOperation(allowlist, operation)) {
      expect(outcome).not.toBeInstanceOf(ReadOnlyViolationError);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.headers["x-amz-target"]).toMatch(new RegExp(`\\.${operation}$`));
    } else {
      expect(outcome).toBeInstanceOf(ReadOnlyViolationError);
      expect((outcome as Error).message).toContain(operation);
      expect(sent).toHaveLength(0);
    }
  });
});

describe("the wire check", () => {
  it("refuses a request whose X-Amz-Target names a write, even when the command claims to be a read", async () => {
    const sent: SentRequest[] = [];
    const client = services[0].create(sent);
    // Simulates a hand-built command: rewrite the serialized target after the SDK has serialized a Query.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as SentRequest;
        request.headers["x-amz-target"] = "DynamoDB_20120810.PutItem";
        return next(args);
      },
      { step: "serialize", name: "rewriteTarget", priority: "low" },
    );
    await expect(client.send(new dynamodbSdk.QueryCommand({ TableName: "t" }))).rejects.toBeInstanceOf(ReadOnlyViolationError);
    expect(sent).toHaveLength(0);
  });

  it("refuses a Streams request whose X-Amz-Target was rewritten to another operation", async () => {
    const sent: SentRequest[] = [];
    const client = createDynamoDbStreamsClient(recordingConfig(sent));
    // Every Streams command is a read, so the command list alone never exercises a refusal: rewrite one on the wire.
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as SentRequest;
        request.headers["x-amz-target"] = "DynamoDBStreams_20120810.PutRecords";
        return next(args);
      },
      { step: "serialize", name: "rewriteTarget", priority: "low" },
    );
    await expect(client.send(new dynamodbStreamsSdk.GetRecordsCommand({ ShardIterator: "x" }))).rejects.toBeInstanceOf(ReadOnlyViolationError);
    expect(sent).toHaveLength(0);
  });
});
