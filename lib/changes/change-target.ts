/**
 * Which table (and GSI) a CloudTrail record changed, and whether it is one the change history lists. Client-safe, pure.
 */
import type { ChangeDirection } from "./change-types";
import { member, str, type CloudTrailRecord } from "./cloudtrail-record";

export const DYNAMODB_SOURCE = "dynamodb.amazonaws.com";
/**
 * Application Auto Scaling's calls are recorded under EC2 Auto Scaling's event source, told apart by
 * additionalEventData.service "application-autoscaling" (Application Auto Scaling user guide: "Log Application Auto
 * Scaling API calls using CloudTrail", and the EventBridge rule it gives for DeleteScalingPolicy/DeregisterScalableTarget).
 */
export const AUTOSCALING_SOURCE = "autoscaling.amazonaws.com";
/** Not what AWS records (see AUTOSCALING_SOURCE), but accepted, so a record spelled that way is still understood. */
const APPLICATION_AUTOSCALING_SOURCE = "application-autoscaling.amazonaws.com";

/** The event sources the change history looks up, one LookupEvents read each (a lookup takes a single attribute). */
export const CHANGE_EVENT_SOURCES = [DYNAMODB_SOURCE, AUTOSCALING_SOURCE] as const;

export type ChangeTarget = {
  table: string;
  /** The GSI the call named; null for the table. */
  index: string | null;
  /** table/<name> or table/<name>/index/<gsi>, the form auto scaling's ResourceId takes. */
  resource: string;
  /** Auto scaling's read or write dimension; null for DynamoDB's own calls. */
  direction: ChangeDirection | null;
};

export const resourceOf = (table: string, index: string | null): string => (index === null ? `table/${table}` : `table/${table}/index/${index}`);

/** "table/Shop" or "table/Shop/index/GSI1" (auto scaling's ResourceId, or the resource part of a DynamoDB ARN). */
export function parseResourceId(resourceId: string): { table: string; index: string | null } | null {
  const match = /^table\/([^/]+)(?:\/index\/([^/]+))?(?:\/.*)?$/.exec(resourceId);
  if (!match?.[1]) return null;
  return { table: match[1], index: match[2] ?? null };
}

/** arn:aws:dynamodb:<region>:<account>:table/<name>[/index/<gsi>|/stream/…|/backup/…]; also a bare table name. */
export function tableFromArnOrName(value: string): { table: string; index: string | null } | null {
  if (!value.startsWith("arn:")) return /^[A-Za-z0-9_.-]{1,255}$/.test(value) ? { table: value, index: null } : null;
  const resource = value.split(":").slice(5).join(":");
  return parseResourceId(resource);
}

export function isApplicationAutoScaling(record: CloudTrailRecord): boolean {
  if (record.eventSource === APPLICATION_AUTOSCALING_SOURCE) return true;
  if (record.eventSource !== AUTOSCALING_SOURCE) return false;
  const service = str(member(record.additionalEventData ?? null, "service"));
  // EC2 Auto Scaling's own calls share the source; they carry no Application Auto Scaling service namespace.
  return service === "application-autoscaling" || str(member(record.requestParameters ?? null, "serviceNamespace")) !== null;
}

function directionOf(dimension: string | null): ChangeDirection | null {
  if (dimension?.endsWith(":ReadCapacityUnits")) return "read";
  if (dimension?.endsWith(":WriteCapacityUnits")) return "write";
  return null;
}

/** The table a DynamoDB call named: by the member that names it for that call, else the record's resources. */
function dynamodbTarget(record: CloudTrailRecord, lookupResources: readonly string[]): ChangeTarget | null {
  const request = record.requestParameters ?? null;
  const named =
    record.eventName === "RestoreTableFromBackup" || record.eventName === "RestoreTableToPointInTime"
      ? str(member(request, "targetTableName"))
      : record.eventName === "TagResource" || record.eventName === "UntagResource"
        ? str(member(request, "resourceArn"))
        : str(member(request, "tableName"));
  const candidates = [named, ...(record.resources ?? []).map((resource) => str(resource.ARN)), ...lookupResources].filter((value): value is string => value !== null);
  for (const candidate of candidates) {
    const found = tableFromArnOrName(candidate);
    if (found) return { ...found, resource: resourceOf(found.table, found.index), direction: null };
  }
  return null;
}

function scalingTarget(record: CloudTrailRecord): ChangeTarget | null {
  const request = record.requestParameters ?? null;
  if (str(member(request, "serviceNamespace")) !== "dynamodb") return null;
  const resourceId = str(member(request, "resourceId"));
  const found = resourceId ? parseResourceId(resourceId) : null;
  if (!found) return null;
  return { ...found, resource: resourceOf(found.table, found.index), direction: directionOf(str(member(request, "scalableDimension"))) };
}

/** The table the record changed, or null when it names none (or is not a DynamoDB or DynamoDB auto scaling call). */
export function changeTarget(record: CloudTrailRecord, lookupResources: readonly string[] = []): ChangeTarget | null {
  if (record.eventSource === DYNAMODB_SOURCE) return dynamodbTarget(record, lookupResources);
  if (isApplicationAutoScaling(record)) return scalingTarget(record);
  return null;
}

/** The identity that made the call: its ARN; for a call an AWS service made, that service. */
export function whoOf(record: CloudTrailRecord, username: string | null): { who: string; automatic: boolean } {
  const identity = record.userIdentity;
  const invokedBy = str(identity?.invokedBy);
  const who = str(identity?.arn) ?? invokedBy ?? str(identity?.principalId) ?? username ?? "unknown";
  // Auto scaling changes capacity through its service-linked role (AWSServiceRoleForApplicationAutoScaling_DynamoDBTable).
  const automatic = invokedBy !== null || identity?.type === "AWSService" || /AWSServiceRoleForApplicationAutoScaling/.test(who);
  return { who, automatic };
}

/** Keeps only the write calls: LookupEvents also lists reads (Describe*, List*), which change nothing. */
export function isReadOnlyCall(eventName: string, readOnly: boolean | null): boolean {
  if (readOnly !== null) return readOnly;
  return /^(Describe|List|Get|Query|Scan)/.test(eventName);
}
