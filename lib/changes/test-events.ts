/**
 * CloudTrail records for tests, shaped like AWS's own sample records: DynamoDB's (developer guide, "Understanding
 * DynamoDB log file entries": UpdateTable answered with the old throughput and tableStatus UPDATING, DeleteTable) and
 * Application Auto Scaling's (user guide: eventSource autoscaling.amazonaws.com, additionalEventData.service
 * "application-autoscaling", responseElements null). Only the request members and identities differ per test.
 */
import type { TrailEvent } from "./change-list";

export const ACCOUNT = "111122223333";
export const DEPLOY_ROLE = `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci-42`;
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const T = Date.UTC(2026, 11, 3, 14, 0);

type RecordOptions = {
  eventName: string;
  eventSource?: "dynamodb.amazonaws.com" | "autoscaling.amazonaws.com";
  at?: number;
  arn?: string;
  request: Record<string, unknown> | null;
  response?: Record<string, unknown> | null;
  error?: { code: string; message: string };
  resources?: Array<{ type: string; ARN: string }>;
  id?: string;
  invokedBy?: string;
};

let sequence = 0;

function identity(arn: string, invokedBy: string | undefined): Record<string, unknown> {
  const role = /:assumed-role\/([^/]+)\//.exec(arn);
  return {
    type: role ? "AssumedRole" : "IAMUser",
    principalId: "AROAEXAMPLEID:ci-42",
    arn,
    accountId: ACCOUNT,
    accessKeyId: "ASIAEXAMPLEKEY",
    ...(role
      ? {
          sessionContext: {
            sessionIssuer: { type: "Role", principalId: "AROAEXAMPLEID", arn: `arn:aws:iam::${ACCOUNT}:role/${role[1] ?? ""}`, accountId: ACCOUNT, userName: role[1] ?? "" },
            attributes: { creationDate: "2026-12-03T13:00:00Z", mfaAuthenticated: "false" },
          },
        }
      : { userName: arn.split("/").pop() }),
    ...(invokedBy ? { invokedBy } : {}),
  };
}

/** A LookupEvents event whose CloudTrailEvent is a full record. */
export function trailEvent(options: RecordOptions): TrailEvent {
  const at = options.at ?? T;
  const source = options.eventSource ?? "dynamodb.amazonaws.com";
  const id = options.id ?? `00000000-0000-4000-8000-${String(++sequence).padStart(12, "0")}`;
  const record = {
    eventVersion: "1.08",
    userIdentity: identity(options.arn ?? DEPLOY_ROLE, options.invokedBy),
    eventTime: new Date(at).toISOString().replace(".000Z", "Z"),
    eventSource: source,
    eventName: options.eventName,
    awsRegion: "us-west-2",
    sourceIPAddress: options.invokedBy ?? "192.0.2.0",
    userAgent: options.invokedBy ?? "aws-cli/2.15.0",
    ...(options.error ? { errorCode: options.error.code, errorMessage: options.error.message } : {}),
    requestParameters: options.request,
    responseElements: options.error ? null : (options.response ?? null),
    ...(source === "autoscaling.amazonaws.com" ? { additionalEventData: { service: "application-autoscaling" } } : {}),
    requestID: "AALNP0J2L244N5O15PKISJ1KUFVV4KQNSO5AEMVJF66Q9ASUAAJG",
    eventID: id,
    readOnly: false,
    ...(options.resources ? { resources: options.resources.map((resource) => ({ accountId: ACCOUNT, ...resource })) } : {}),
    eventType: "AwsApiCall",
    apiVersion: source === "dynamodb.amazonaws.com" ? "2012-08-10" : undefined,
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
  };
  const tableName = options.request?.tableName;
  return {
    id,
    at,
    eventName: options.eventName,
    eventSource: source,
    username: options.arn?.split("/").pop() ?? "ci-42",
    readOnly: false,
    resourceNames: typeof tableName === "string" ? [tableName] : [],
    record: JSON.stringify(record),
  };
}

const tableArn = (table: string) => `arn:aws:dynamodb:us-west-2:${ACCOUNT}:table/${table}`;

/** UpdateTable's answer: the description as it was (old throughput), tableStatus UPDATING. */
export function describedTable(table: string, throughput: { read: number; write: number } | null, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tableDescription: {
      tableName: table,
      tableArn: tableArn(table),
      attributeDefinitions: [{ attributeType: "S", attributeName: "PK" }],
      keySchema: [{ attributeName: "PK", keyType: "HASH" }],
      itemCount: 0,
      tableSizeBytes: 0,
      creationDateTime: "Dec 1, 2026 9:00:00 AM",
      tableStatus: "UPDATING",
      ...(throughput ? { provisionedThroughput: { readCapacityUnits: throughput.read, writeCapacityUnits: throughput.write, numberOfDecreasesToday: 0, lastIncreaseDateTime: "Dec 1, 2026 9:00:00 AM" } } : {}),
      ...extra,
    },
  };
}

export function updateTable(table: string, request: Record<string, unknown>, response: Record<string, unknown> | null, options: Partial<RecordOptions> = {}): TrailEvent {
  return trailEvent({ eventName: "UpdateTable", request: { tableName: table, ...request }, response, resources: [{ type: "AWS::DynamoDB::Table", ARN: tableArn(table) }], ...options });
}

/** An Application Auto Scaling call on a DynamoDB table's (or GSI's) read or write dimension. */
export function scalingCall(eventName: string, resourceId: string, kind: "Read" | "Write", request: Record<string, unknown> = {}, options: Partial<RecordOptions> = {}): TrailEvent {
  const level = resourceId.includes("/index/") ? "index" : "table";
  return trailEvent({
    eventName,
    eventSource: "autoscaling.amazonaws.com",
    request: { serviceNamespace: "dynamodb", resourceId, scalableDimension: `dynamodb:${level}:${kind}CapacityUnits`, ...request },
    ...options,
  });
}
