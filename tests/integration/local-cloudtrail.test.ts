import { ApplicationAutoScalingClient, PutScalingPolicyCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudTrailClient, LookupEventsCommand, type Event, type LookupEventsCommandInput } from "@aws-sdk/client-cloudtrail";
import { DynamoDBClient, UpdateTableCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { proxyCapacityPort } from "../../local/aws/autoscaling/sdk-ports";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { assumedRoleIdentity, iamUserIdentity } from "../../local/aws/cloudtrail/identities";
import { startLocalCloudTrail, type RunningLocalCloudTrail } from "../../local/aws/cloudtrail/start-local-cloudtrail";
import type { ManagementCall } from "../../local/aws/cloudtrail/trail-event";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { unsignedAuthorization } from "../../local/aws/shared/sigv4-scope";
import { ANALYTICS_ACCOUNT, DEMO_ACCOUNT, type FleetAccount } from "../../local/fleet/demo-fleet";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import { createTables, fixtureClient } from "../support/local-tables";

// The local CloudTrail through the real @aws-sdk/client-cloudtrail: LookupEvents' attributes, time range, paging,
// errors and rate limit, tenants kept apart, and the events the metering proxy and the local auto scaling record.
const REGION = "us-east-1";
const TABLE = "it-ct-Orders";
const MINUTE = 60_000;
const NOW = Date.now();
const DEMO = { accountId: DEMO_ACCOUNT.accountId, region: REGION };

let cloudtrail: RunningLocalCloudTrail;
let cloudwatch: RunningLocalCloudWatch;
let proxy: RunningMeteringProxy;
let autoscaling: RunningLocalAutoScaling;
let sink: ReturnType<typeof httpMetricsSink>;
const clients: Array<{ destroy: () => void }> = [];

function trailClient(account: FleetAccount = DEMO_ACCOUNT, region = REGION, endpoint = cloudtrail.endpoint): CloudTrailClient {
  const client = new CloudTrailClient({ endpoint, region, credentials: account.credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );

/** Every page of a lookup, following NextToken. */
async function lookupAll(client: CloudTrailClient, input: LookupEventsCommandInput): Promise<Event[]> {
  const events: Event[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new LookupEventsCommand({ ...input, NextToken }));
    events.push(...(page.Events ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return events;
}

const recordSchema = z.object({
  eventVersion: z.string(),
  userIdentity: z.object({ type: z.string(), arn: z.string(), accountId: z.string(), accessKeyId: z.string(), principalId: z.string() }).loose(),
  eventTime: z.string(),
  eventSource: z.string(),
  eventName: z.string(),
  awsRegion: z.string(),
  sourceIPAddress: z.string(),
  userAgent: z.string(),
  requestParameters: z.record(z.string(), z.unknown()).nullable(),
  responseElements: z.record(z.string(), z.unknown()).nullable(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestID: z.string(),
  eventID: z.string(),
  readOnly: z.boolean(),
  eventType: z.literal("AwsApiCall"),
  managementEvent: z.literal(true),
  recipientAccountId: z.string(),
  additionalEventData: z.record(z.string(), z.unknown()).optional(),
});
const recordOf = (event: Event | undefined) => recordSchema.parse(JSON.parse(event?.CloudTrailEvent ?? "null"));

/** A fixture event, `minutesAgo` before the test's start. */
function fixture(name: string, minutesAgo: number, overrides: Partial<ManagementCall> = {}): ManagementCall {
  return {
    eventSource: "dynamodb.amazonaws.com",
    eventName: name,
    atMs: NOW - minutesAgo * MINUTE,
    identity: iamUserIdentity("local", DEMO_ACCOUNT.accountId),
    request: { TableName: "Fixture" },
    response: null,
    readOnly: false,
    resources: [{ type: "AWS::DynamoDB::Table", name: "Fixture" }],
    ...overrides,
  };
}

const DEPLOY = assumedRoleIdentity({ accountId: DEMO_ACCOUNT.accountId, roleName: "deploy", sessionName: "ci-17", sessionStartMs: NOW - 60 * MINUTE });

beforeAll(async () => {
  cloudtrail = await startLocalCloudTrail({ rateLimit: false });
  cloudwatch = await startLocalCloudWatch();
  sink = httpMetricsSink(cloudwatch.endpoint);
  proxy = await startMeteringProxy({ upstream: inject("dynamodbEndpoint"), sink, flushIntervalMs: 3_600_000, cloudtrail: { recorder: cloudtrail } });
  autoscaling = await startLocalAutoScaling({ cloudwatch, dynamodbEndpoint: proxy.endpoint, cloudtrail: { recorder: cloudtrail } });
  await createTables(fixtureClient(), [
    {
      TableName: TABLE,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 20 },
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
    },
  ]);
  // Fixture events: 60 in the demo account (newest first: minute 0, 1, 2, …), others elsewhere.
  for (let minute = 0; minute < 55; minute++) cloudtrail.record(DEMO, fixture(minute % 2 === 0 ? "UpdateTable" : "UpdateTimeToLive", 100 + minute));
  cloudtrail.record(DEMO, fixture("DescribeTable", 300, { readOnly: true }));
  cloudtrail.record(DEMO, fixture("UpdateTable", 310, { identity: DEPLOY, resources: [{ type: "AWS::DynamoDB::Table", name: "Sessions" }] }));
  cloudtrail.record(DEMO, fixture("PutScalingPolicy", 320, { eventSource: "autoscaling.amazonaws.com", resources: [] }));
  cloudtrail.record(DEMO, fixture("DeleteTable", 91 * 24 * 60));
  cloudtrail.record({ accountId: ANALYTICS_ACCOUNT.accountId, region: REGION }, fixture("DeleteTable", 330, { identity: iamUserIdentity("analytics", ANALYTICS_ACCOUNT.accountId) }));
  cloudtrail.record({ accountId: DEMO_ACCOUNT.accountId, region: "eu-west-1" }, fixture("CreateTable", 340));
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await autoscaling.stop();
  await proxy.stop();
  sink.destroy();
  await Promise.all([cloudwatch.stop(), cloudtrail.stop()]);
});

const fixtureWindow = { StartTime: new Date(NOW - 400 * MINUTE), EndTime: new Date(NOW - 99 * MINUTE) };

describe("LookupEvents", () => {
  it("lists the account's and region's events newest first, with each Event's members and the record as CloudTrailEvent", async () => {
    const events = await lookupAll(trailClient(), fixtureWindow);
    expect(events).toHaveLength(58);
    const times = events.map((event) => event.EventTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const [first] = events;
    expect(first).toMatchObject({ EventName: "UpdateTable", ReadOnly: "false", AccessKeyId: "local", EventSource: "dynamodb.amazonaws.com", Username: "local", Resources: [{ ResourceType: "AWS::DynamoDB::Table", ResourceName: "Fixture" }] });
    expect(first?.EventTime?.getTime()).toBe(Math.floor((NOW - 100 * MINUTE) / 1000) * 1000);
    const record = recordOf(first);
    expect(record).toMatchObject({ eventName: "UpdateTable", awsRegion: REGION, recipientAccountId: DEMO_ACCOUNT.accountId, eventID: first?.EventId, requestParameters: { tableName: "Fixture" } });
    expect(record.userIdentity).toMatchObject({ type: "IAMUser", arn: `arn:aws:iam::${DEMO_ACCOUNT.accountId}:user/local`, accessKeyId: "local" });
  });

  it("filters by each lookup attribute", async () => {
    const client = trailClient();
    const byAttribute = async (AttributeKey: NonNullable<LookupEventsCommandInput["LookupAttributes"]>[number]["AttributeKey"], AttributeValue: string) =>
      lookupAll(client, { ...fixtureWindow, LookupAttributes: [{ AttributeKey, AttributeValue }] });
    const all = await lookupAll(client, fixtureWindow);
    const someId = all[7]?.EventId ?? "";
    expect((await byAttribute("EventId", someId)).map((event) => event.EventId)).toEqual([someId]);
    expect((await byAttribute("EventName", "UpdateTimeToLive")).length).toBe(27);
    expect((await byAttribute("ReadOnly", "true")).map((event) => event.EventName)).toEqual(["DescribeTable"]);
    expect((await byAttribute("ReadOnly", "false")).length).toBe(57);
    expect((await byAttribute("Username", "ci-17")).map((event) => event.Resources?.[0]?.ResourceName)).toEqual(["Sessions"]);
    expect((await byAttribute("ResourceType", "AWS::DynamoDB::Table")).length).toBe(57);
    expect((await byAttribute("ResourceName", "Sessions")).map((event) => recordOf(event).userIdentity.arn)).toEqual([`arn:aws:sts::${DEMO_ACCOUNT.accountId}:assumed-role/deploy/ci-17`]);
    expect((await byAttribute("EventSource", "autoscaling.amazonaws.com")).map((event) => event.EventName)).toEqual(["PutScalingPolicy"]);
    expect((await byAttribute("AccessKeyId", DEPLOY.accessKeyId)).map((event) => event.Username)).toEqual(["ci-17"]);
    expect(await byAttribute("ResourceName", "NoSuchTable")).toEqual([]);
  });

  it("keeps to the time range, inclusive at both ends, and forgets events older than 90 days", async () => {
    const client = trailClient();
    const at = (minutesAgo: number) => new Date(Math.floor((NOW - minutesAgo * MINUTE) / 1000) * 1000);
    const inRange = await lookupAll(client, { StartTime: at(110), EndTime: at(100) });
    expect(inRange.map((event) => event.EventTime?.getTime())).toEqual(Array.from({ length: 11 }, (_, index) => at(100 + index).getTime()));
    expect(await lookupAll(client, { StartTime: new Date(NOW - 92 * 24 * 60 * MINUTE), EndTime: new Date(NOW - 89 * 24 * 60 * MINUTE) })).toEqual([]);
  });

  it("pages with MaxResults and NextToken, without repeating or skipping, 50 by default", async () => {
    const client = trailClient();
    const first = await client.send(new LookupEventsCommand(fixtureWindow));
    expect(first.Events).toHaveLength(50);
    expect(first.NextToken).toBeDefined();
    const pages: Event[][] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new LookupEventsCommand({ ...fixtureWindow, MaxResults: 7, NextToken }));
      pages.push(page.Events ?? []);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 2]);
    const ids = pages.flat().map((event) => event.EventId);
    expect(new Set(ids).size).toBe(58);
    expect(ids).toEqual((await lookupAll(client, fixtureWindow)).map((event) => event.EventId));
  });

  it("answers bad requests with the errors the SDK models", async () => {
    const client = trailClient();
    const cases: Array<[LookupEventsCommandInput, string]> = [
      [{ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "UpdateTable" }, { AttributeKey: "Username", AttributeValue: "local" }] }, "InvalidLookupAttributesException"],
      [{ LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "maybe" }] }, "InvalidLookupAttributesException"],
      [{ StartTime: new Date(NOW), EndTime: new Date(NOW - MINUTE) }, "InvalidTimeRangeException"],
      [{ MaxResults: 51 }, "InvalidMaxResultsException"],
      [{ MaxResults: 0 }, "InvalidMaxResultsException"],
      [{ NextToken: "not-a-token" }, "InvalidNextTokenException"],
      [{ EventCategory: "management" as "insight" }, "InvalidEventCategoryException"],
    ];
    for (const [input, name] of cases) {
      expect(await rejection(client.send(new LookupEventsCommand(input))), name).toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
    }
    // A token only works with the parameters it was issued for.
    const page = await client.send(new LookupEventsCommand({ ...fixtureWindow, MaxResults: 5 }));
    const other = rejection(client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "UpdateTable" }], NextToken: page.NextToken })));
    expect(await other).toMatchObject({ name: "InvalidNextTokenException" });
    // Insights events: none are ever recorded here.
    expect((await client.send(new LookupEventsCommand({ EventCategory: "insight" }))).Events).toEqual([]);
  });

  it("also answers the target as the API reference spells it, with the namespace", async () => {
    const response = await fetch(cloudtrail.endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
        authorization: unsignedAuthorization("local", REGION, "cloudtrail"),
      },
      body: JSON.stringify({ LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: "Sessions" }] }),
    });
    expect(response.status).toBe(200);
    const body = z.object({ Events: z.array(z.object({ EventName: z.string(), EventTime: z.number() })) }).parse(await response.json());
    expect(body.Events.map((event) => event.EventName)).toEqual(["UpdateTable"]);
  });

  it("keeps accounts and regions apart", async () => {
    const analytics = await lookupAll(trailClient(ANALYTICS_ACCOUNT), {});
    expect(analytics.map((event) => [event.EventName, event.Username])).toEqual([["DeleteTable", "analytics"]]);
    const ireland = await lookupAll(trailClient(DEMO_ACCOUNT, "eu-west-1"), {});
    expect(ireland.map((event) => event.EventName)).toEqual(["CreateTable"]);
    expect((await lookupAll(trailClient(), {})).some((event) => event.EventName === "CreateTable")).toBe(false);
  });
});

describe("the rate limit", () => {
  it("allows two lookups per second per account and region and throttles the third", async () => {
    let clock = NOW;
    const limited = await startLocalCloudTrail({ now: () => clock });
    try {
      const client = trailClient(DEMO_ACCOUNT, REGION, limited.endpoint);
      await client.send(new LookupEventsCommand({}));
      await client.send(new LookupEventsCommand({}));
      expect(await rejection(client.send(new LookupEventsCommand({})))).toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 400 } });
      // Another account has its own allowance; half a second later the first has one more.
      await trailClient(ANALYTICS_ACCOUNT, REGION, limited.endpoint).send(new LookupEventsCommand({}));
      clock += 500;
      await client.send(new LookupEventsCommand({}));
      expect(await rejection(client.send(new LookupEventsCommand({})))).toMatchObject({ name: "ThrottlingException" });
    } finally {
      await limited.stop();
    }
  });
});

describe("events recorded by the local services", () => {
  it("records an UpdateTable through the metering proxy as the caller, with camelCase parameters and the table as it answered", async () => {
    const viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 1 });
    clients.push(viaProxy);
    const before = Date.now();
    await viaProxy.send(new UpdateTableCommand({ TableName: TABLE, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } }));
    const failed = await rejection(viaProxy.send(new UpdateTimeToLiveCommand({ TableName: "it-ct-NoSuchTable", TimeToLiveSpecification: { Enabled: true, AttributeName: "ttl" } })));
    expect(failed).toMatchObject({ name: "ResourceNotFoundException" });

    const events = await lookupAll(trailClient(), { StartTime: new Date(before - 1000), LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: TABLE }] });
    expect(events.map((event) => event.EventName)).toEqual(["UpdateTable"]);
    const record = recordOf(events[0]);
    expect(record.userIdentity).toMatchObject({ type: "IAMUser", arn: `arn:aws:iam::${DEMO_ACCOUNT.accountId}:user/local` });
    expect(record.requestParameters).toEqual({ tableName: TABLE, provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 5 } });
    // As AWS answers an UpdateTable: UPDATING, still at the figures from before.
    expect(record.responseElements).toMatchObject({ tableDescription: { tableName: TABLE, tableStatus: "UPDATING", provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 20 } } });
    expect(record.errorCode).toBeUndefined();

    const ttl = await lookupAll(trailClient(), { StartTime: new Date(before - 1000), LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "UpdateTimeToLive" }] });
    expect(ttl.map((event) => recordOf(event))).toEqual([
      expect.objectContaining({ errorCode: "ResourceNotFoundException", responseElements: null, requestParameters: { tableName: "it-ct-NoSuchTable", timeToLiveSpecification: { enabled: true, attributeName: "ttl" } } }),
    ]);
    // Reads are not recorded by default.
    expect(await lookupAll(trailClient(), { StartTime: new Date(before - 1000), LookupAttributes: [{ AttributeKey: "ReadOnly", AttributeValue: "true" }] })).toEqual([]);
  });

  it("records auto scaling's configuration calls, and its own UpdateTable as its service-linked role", async () => {
    const scaling = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region: REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 1 });
    clients.push(scaling);
    const before = Date.now();
    const target = { ServiceNamespace: "dynamodb", ResourceId: `table/${TABLE}`, ScalableDimension: "dynamodb:table:WriteCapacityUnits" } as const;
    await scaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 5, MaxCapacity: 40 }));
    const refused = await rejection(scaling.send(new PutScalingPolicyCommand({ ...target, PolicyName: "too-high", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 99, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" } } })));
    expect(refused).toMatchObject({ name: "ValidationException" });

    const events = await lookupAll(trailClient(), { StartTime: new Date(before - 1000), LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "autoscaling.amazonaws.com" }] });
    expect(events.map((event) => event.EventName)).toEqual(["PutScalingPolicy", "RegisterScalableTarget"]);
    const [put, register] = events.map((event) => recordOf(event));
    expect(register).toMatchObject({
      requestParameters: { serviceNamespace: "dynamodb", resourceId: `table/${TABLE}`, scalableDimension: "dynamodb:table:WriteCapacityUnits", minCapacity: 5, maxCapacity: 40 },
      // As AWS's sample record: EC2 Auto Scaling's event source, the service in additionalEventData, no response elements.
      eventSource: "autoscaling.amazonaws.com",
      additionalEventData: { service: "application-autoscaling" },
      responseElements: null,
      userIdentity: { arn: `arn:aws:iam::${DEMO_ACCOUNT.accountId}:user/local` },
    });
    expect(put).toMatchObject({ errorCode: "ValidationException", responseElements: null, requestParameters: { policyName: "too-high", targetTrackingScalingPolicyConfiguration: { targetValue: 99 } } });

    // Auto scaling changes capacity through the proxy, which records it as the service-linked role (RegisterScalableTarget
    // brought the table inside 5–40 without a change here, so make one the way a scaling activity does).
    const port = proxyCapacityPort(proxy.endpoint);
    try {
      await port.apply({ accessKeyId: "local", accountId: DEMO_ACCOUNT.accountId, region: REGION }, { table: TABLE, index: null }, "write", 15, Date.now());
    } finally {
      port.destroy();
    }
    const updates = await lookupAll(trailClient(), { StartTime: new Date(before - 1000), LookupAttributes: [{ AttributeKey: "Username", AttributeValue: "AutoScaling-UpdateCapacity" }] });
    expect(updates.map((event) => event.EventName)).toEqual(["UpdateTable"]);
    expect(recordOf(updates[0])).toMatchObject({
      userIdentity: {
        type: "AssumedRole",
        arn: `arn:aws:sts::${DEMO_ACCOUNT.accountId}:assumed-role/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable/AutoScaling-UpdateCapacity`,
        invokedBy: "dynamodb.application-autoscaling.amazonaws.com",
      },
      sourceIPAddress: "dynamodb.application-autoscaling.amazonaws.com",
      requestParameters: { tableName: TABLE, provisionedThroughput: { writeCapacityUnits: 15 } },
      responseElements: { tableDescription: { provisionedThroughput: { writeCapacityUnits: 5 } } },
    });
  });
});
