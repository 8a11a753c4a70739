import type { TrailIdentity } from "../aws/cloudtrail/identities";
import type { ManagementCall, TrailResource } from "../aws/cloudtrail/trail-event";
import type { TableCapacityModel } from "./table-catalog";

/**
 * DynamoDB's control-plane calls: CloudTrail records each as a management event (data-plane calls such as PutItem are
 * data events, which the Event history does not hold). The reads are recorded with readOnly true; the proxy records
 * them only when asked, to keep the demo's history to changes.
 */
export const MANAGEMENT_WRITES: ReadonlySet<string> = new Set([
  "CreateTable",
  "UpdateTable",
  "DeleteTable",
  "UpdateTimeToLive",
  "UpdateContinuousBackups",
  "UpdateContributorInsights",
  "TagResource",
  "UntagResource",
  "UpdateKinesisStreamingDestination",
  "EnableKinesisStreamingDestination",
  "DisableKinesisStreamingDestination",
  "RestoreTableFromBackup",
  "RestoreTableToPointInTime",
  "CreateBackup",
  "DeleteBackup",
  "CreateGlobalTable",
  "UpdateGlobalTable",
  "UpdateGlobalTableSettings",
  "UpdateTableReplicaAutoScaling",
  "PutResourcePolicy",
  "DeleteResourcePolicy",
  "ExportTableToPointInTime",
  "ImportTable",
]);

const READ_PREFIXES = ["Describe", "List"];
export const isManagementRead = (operation: string) => READ_PREFIXES.some((prefix) => operation.startsWith(prefix)) || operation === "GetResourcePolicy";

export const DYNAMODB_EVENT_SOURCE = "dynamodb.amazonaws.com";
export const DYNAMODB_TABLE_RESOURCE = "AWS::DynamoDB::Table";

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/** The table a call is about: TableName, the target of a restore, or the table in a resource ARN (TagResource). */
export function tableOfCall(request: Record<string, unknown>): string | undefined {
  const fromArn = text(request.ResourceArn)?.match(/:table\/([^/]+)/)?.[1];
  return text(request.TableName) ?? text(request.TargetTableName) ?? text(request.GlobalTableName) ?? fromArn;
}

type Provisioned = TableCapacityModel["provisioned"];
type Throughput = Record<string, unknown> | undefined;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function withFigures(throughput: Throughput, provisioned: Provisioned): Throughput {
  if (!throughput || !provisioned) return throughput;
  return { ...throughput, ReadCapacityUnits: provisioned.read, WriteCapacityUnits: provisioned.write };
}

/**
 * UpdateTable answers before the change takes effect: the description it returns (and CloudTrail records) says
 * UPDATING and still holds the throughput the table had (AWS's sample record: a request for 25/25 answered with
 * 10/10). DynamoDB Local applies at once, so the proxy puts back the figures the table had before the call.
 */
export function asUpdateTableAnswered(description: Record<string, unknown>, before: TableCapacityModel | undefined): Record<string, unknown> {
  const gsis = Array.isArray(description.GlobalSecondaryIndexes) ? description.GlobalSecondaryIndexes : undefined;
  return {
    ...description,
    TableStatus: "UPDATING",
    ...(before ? { ProvisionedThroughput: withFigures(asRecord(description.ProvisionedThroughput), before.provisioned) } : {}),
    ...(gsis && before
      ? {
          GlobalSecondaryIndexes: gsis.map((entry) => {
            const gsi = asRecord(entry) ?? {};
            const was = before.gsis.find((candidate) => candidate.name === gsi.IndexName);
            return was ? { ...gsi, ProvisionedThroughput: withFigures(asRecord(gsi.ProvisionedThroughput), was.provisioned) } : gsi;
          }),
        }
      : {}),
  };
}

export type AnsweredCall = {
  operation: string;
  request: Record<string, unknown>;
  /** The HTTP status and body DynamoDB answered with. */
  status: number;
  body: string;
  identity: TrailIdentity;
  atMs: number;
  tenant: { accountId: string; region: string };
  /** The table's capacity before the call (UpdateTable), to record the description as AWS answers it. */
  before?: TableCapacityModel;
  requestId?: string;
  userAgent?: string;
};

function parseBody(body: string): Record<string, unknown> {
  try {
    return asRecord(JSON.parse(body)) ?? {};
  } catch {
    // A body that is not JSON still failed or succeeded by its status; record it without response elements.
    return {};
  }
}

/** A DynamoDB management call as CloudTrail records it: camelCase parameters, the answer, or the error code and message. */
export function dynamoDbManagementCall(call: AnsweredCall): ManagementCall {
  const answer = parseBody(call.body);
  const failed = call.status !== 200;
  const readOnly = isManagementRead(call.operation);
  const table = tableOfCall(call.request);
  const resources: TrailResource[] = table
    ? [{ type: DYNAMODB_TABLE_RESOURCE, name: table, arn: `arn:aws:dynamodb:${call.tenant.region}:${call.tenant.accountId}:table/${table}` }]
    : [];
  let response: Record<string, unknown> | null = readOnly || failed || Object.keys(answer).length === 0 ? null : answer;
  const description = asRecord(answer.TableDescription);
  if (response && call.operation === "UpdateTable" && description) response = { ...answer, TableDescription: asUpdateTableAnswered(description, call.before) };
  const errorType = text(answer.__type) ?? "InternalServerError";
  return {
    eventSource: DYNAMODB_EVENT_SOURCE,
    eventName: call.operation,
    atMs: call.atMs,
    identity: call.identity,
    request: call.request,
    response,
    error: failed ? { code: errorType.slice(errorType.indexOf("#") + 1), message: text(answer.message) ?? text(answer.Message) ?? `HTTP ${call.status}` } : null,
    readOnly,
    resources,
    apiVersion: "2012-08-10",
    requestId: call.requestId,
    userAgent: call.userAgent,
    caseOptions: { isTimestamp: (name) => name.endsWith("DateTime") },
  };
}

type Units = { read: number; write: number };

/**
 * An UpdateTable of provisioned throughput that was applied somewhere other than DynamoDB Local (the simulated
 * history's table models), recorded as the proxy would have recorded it: the request, and the description DynamoDB
 * answers with (UPDATING, still at the figures from before).
 */
export function simulatedUpdateTable(options: {
  tenant: { accountId: string; region: string };
  identity: TrailIdentity;
  atMs: number;
  table: string;
  index: string | null;
  before: Units;
  after: Units;
}): ManagementCall {
  const { tenant, table, index, before, after } = options;
  const arn = `arn:aws:dynamodb:${tenant.region}:${tenant.accountId}:table/${table}`;
  const throughput = (units: Units) => ({ ReadCapacityUnits: units.read, WriteCapacityUnits: units.write });
  const request =
    index === null
      ? { TableName: table, ProvisionedThroughput: throughput(after) }
      : { TableName: table, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: index, ProvisionedThroughput: throughput(after) } }] };
  const description = {
    TableName: table,
    TableArn: arn,
    TableStatus: "UPDATING",
    ...(index === null
      ? { ProvisionedThroughput: { ...throughput(before), NumberOfDecreasesToday: 0 } }
      : { GlobalSecondaryIndexes: [{ IndexName: index, IndexArn: `${arn}/index/${index}`, IndexStatus: "UPDATING", ProvisionedThroughput: { ...throughput(before), NumberOfDecreasesToday: 0 } }] }),
  };
  return dynamoDbManagementCall({
    operation: "UpdateTable",
    request,
    status: 200,
    body: JSON.stringify({ TableDescription: description }),
    identity: options.identity,
    atMs: options.atMs,
    tenant,
  });
}
