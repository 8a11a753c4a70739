import { createHash } from "node:crypto";

/**
 * Application Auto Scaling's names for DynamoDB resources (API reference: RegisterScalableTarget, ResourceId and
 * ScalableDimension): `table/<name>` or `table/<name>/index/<gsi>`, and four scalable dimensions. The local endpoint
 * serves the `dynamodb` namespace only.
 */
export const SERVICE_NAMESPACE = "dynamodb";

export const SCALABLE_DIMENSIONS = [
  "dynamodb:table:ReadCapacityUnits",
  "dynamodb:table:WriteCapacityUnits",
  "dynamodb:index:ReadCapacityUnits",
  "dynamodb:index:WriteCapacityUnits",
] as const;
export type DynamoDbDimension = (typeof SCALABLE_DIMENSIONS)[number];

export type CapacityKind = "read" | "write";

/** A table or one of its GSIs. */
export type ResourceRef = { table: string; index: string | null };

/** The account and region a request was signed for, with the key that signed it (used to act as that tenant). */
export type Tenant = { accessKeyId: string; accountId: string; region: string };

// DynamoDB's naming rules for tables and indexes: 3–255 of A-Z a-z 0-9 _ - .
const NAME = "[A-Za-z0-9_.-]{3,255}";
const TABLE_RESOURCE = new RegExp(`^table/(${NAME})$`);
const INDEX_RESOURCE = new RegExp(`^table/(${NAME})/index/(${NAME})$`);

export function isDynamoDbDimension(value: string): value is DynamoDbDimension {
  return (SCALABLE_DIMENSIONS as readonly string[]).includes(value);
}

export function parseResourceId(resourceId: string): ResourceRef | null {
  const index = INDEX_RESOURCE.exec(resourceId);
  if (index) return { table: index[1] ?? "", index: index[2] ?? "" };
  const table = TABLE_RESOURCE.exec(resourceId);
  return table ? { table: table[1] ?? "", index: null } : null;
}

export function resourceIdOf(resource: ResourceRef): string {
  return resource.index === null ? `table/${resource.table}` : `table/${resource.table}/index/${resource.index}`;
}

/** Table dimensions go with `table/<name>`, index dimensions with `table/<name>/index/<gsi>`. */
export function dimensionFits(dimension: DynamoDbDimension, resource: ResourceRef): boolean {
  return dimension.startsWith("dynamodb:index:") === (resource.index !== null);
}

export function capacityKindOf(dimension: DynamoDbDimension): CapacityKind {
  return dimension.endsWith("ReadCapacityUnits") ? "read" : "write";
}

/** The unit name activities use: "Setting write capacity units to 15." */
export const unitsName = (kind: CapacityKind) => `${kind} capacity units`;

/** The predefined metric that tracks a dimension's utilization. */
export const predefinedMetricFor = (kind: CapacityKind) => (kind === "read" ? "DynamoDBReadCapacityUtilization" : "DynamoDBWriteCapacityUtilization");

/** Scaling policy ARNs as AWS writes them for DynamoDB (seen on real alarms' AlarmActions). */
export function policyArn(tenant: Tenant, resourceId: string, policyName: string, policyId: string, createdBy: string): string {
  return `arn:aws:autoscaling:${tenant.region}:${tenant.accountId}:scalingPolicy:${policyId}:resource/dynamodb/${resourceId}:policyName/${policyName}:createdBy/${createdBy}`;
}

export function scheduledActionArn(tenant: Tenant, resourceId: string, name: string, actionId: string): string {
  return `arn:aws:autoscaling:${tenant.region}:${tenant.accountId}:scheduledAction:${actionId}:resource/dynamodb/${resourceId}:scheduledActionName/${name}`;
}

/** ScalableTargetARN: `arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>`, stable per target. */
export function scalableTargetArn(tenant: Tenant, resourceId: string, dimension: string): string {
  const id = createHash("sha256").update(`${tenant.accountId}/${tenant.region}/${resourceId}/${dimension}`).digest("hex").slice(0, 36);
  return `arn:aws:application-autoscaling:${tenant.region}:${tenant.accountId}:scalable-target/${id}`;
}
