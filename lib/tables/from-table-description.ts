import type {
  AttributeDefinition,
  KeySchemaElement,
  OnDemandThroughput,
  Projection,
  ProvisionedThroughputDescription,
  ReplicaDescription,
  TableDescription,
  TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { IndexDetail, KeyAttributeType, KeySchema, OnDemandMax, ReplicaDetail, TableDetail, Throughput } from "./table-detail";

export class MalformedDescriptionError extends Error {
  override name = "MalformedDescriptionError";
}

function keySchema(elements: KeySchemaElement[] | undefined, definitions: AttributeDefinition[]): KeySchema {
  const typeOf = (name: string): KeyAttributeType => {
    const type = definitions.find((definition) => definition.AttributeName === name)?.AttributeType;
    if (type !== "S" && type !== "N" && type !== "B") throw new MalformedDescriptionError(`No S, N or B type for key attribute ${name}`);
    return type;
  };
  const hash = elements?.find((element) => element.KeyType === "HASH")?.AttributeName;
  const range = elements?.find((element) => element.KeyType === "RANGE")?.AttributeName;
  if (!hash) throw new MalformedDescriptionError("Key schema has no HASH key");
  return {
    partitionKey: { name: hash, type: typeOf(hash) },
    sortKey: range ? { name: range, type: typeOf(range) } : null,
  };
}

function throughput(description: ProvisionedThroughputDescription | undefined, billingMode: string): Throughput | null {
  if (billingMode !== "PROVISIONED" || !description) return null;
  return { read: description.ReadCapacityUnits ?? 0, write: description.WriteCapacityUnits ?? 0 };
}

/** AWS reports -1 (or omits the field) when no on-demand maximum is set. */
function onDemandMax(value: OnDemandThroughput | undefined): OnDemandMax | null {
  const read = value?.MaxReadRequestUnits ?? -1;
  const write = value?.MaxWriteRequestUnits ?? -1;
  if (read <= 0 && write <= 0) return null;
  return { read: read > 0 ? read : null, write: write > 0 ? write : null };
}

function projection(value: Projection | undefined): IndexDetail["projection"] {
  return { type: value?.ProjectionType ?? "ALL", nonKeyAttributes: value?.NonKeyAttributes ?? [] };
}

/** "us-east-1" from "arn:aws:dynamodb:us-east-1:123456789012:table/Shop"; null when the ARN doesn't say. */
function arnRegion(arn: string | undefined): string | null {
  const region = arn?.split(":")[3];
  return region ? region : null;
}

/**
 * The other regions' copies. DescribeTable is answered by one region and lists the global table's replicas; whether
 * that list holds the answering region itself is not spelled out in the API reference, so it is dropped here when
 * present (by the region in the table's ARN): a table does not replicate to itself, and the page links and charts
 * every region listed. A replica without a region name says nothing usable and is skipped.
 */
function replicas(table: TableDescription): ReplicaDetail[] {
  const home = arnRegion(table.TableArn);
  return (table.Replicas ?? []).flatMap((replica: ReplicaDescription) =>
    replica.RegionName && replica.RegionName !== home
      ? [{ region: replica.RegionName, status: replica.ReplicaStatus ?? "UNKNOWN", statusDescription: replica.ReplicaStatusDescription ?? null }]
      : [],
  );
}

export function fromTableDescription(table: TableDescription, ttl: TimeToLiveDescription | null | undefined): TableDetail {
  const definitions = table.AttributeDefinitions ?? [];
  // Tables created before on-demand existed may omit BillingModeSummary; they are provisioned.
  const billingMode = table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST" ? "PAY_PER_REQUEST" : "PROVISIONED";
  if (!table.TableName) throw new MalformedDescriptionError("Table description has no name");

  const gsis: IndexDetail[] = (table.GlobalSecondaryIndexes ?? []).map((index) => ({
    name: index.IndexName ?? "",
    kind: "GSI",
    keys: keySchema(index.KeySchema, definitions),
    projection: projection(index.Projection),
    status: index.IndexStatus ?? null,
    backfilling: index.Backfilling ?? false,
    provisioned: throughput(index.ProvisionedThroughput, billingMode),
    onDemandMax: billingMode === "PAY_PER_REQUEST" ? onDemandMax(index.OnDemandThroughput) : null,
    itemCount: index.ItemCount ?? null,
    sizeBytes: index.IndexSizeBytes ?? null,
  }));
  const lsis: IndexDetail[] = (table.LocalSecondaryIndexes ?? []).map((index) => ({
    name: index.IndexName ?? "",
    kind: "LSI",
    keys: keySchema(index.KeySchema, definitions),
    projection: projection(index.Projection),
    status: null,
    backfilling: false,
    provisioned: null,
    onDemandMax: null,
    itemCount: index.ItemCount ?? null,
    sizeBytes: index.IndexSizeBytes ?? null,
  }));

  return {
    name: table.TableName,
    arn: table.TableArn ?? null,
    status: table.TableStatus ?? "UNKNOWN",
    createdAt: table.CreationDateTime ? table.CreationDateTime.toISOString() : null,
    billingMode,
    provisioned: throughput(table.ProvisionedThroughput, billingMode),
    onDemandMax: billingMode === "PAY_PER_REQUEST" ? onDemandMax(table.OnDemandThroughput) : null,
    itemCount: table.ItemCount ?? null,
    sizeBytes: table.TableSizeBytes ?? null,
    keys: keySchema(table.KeySchema, definitions),
    gsis,
    lsis,
    ttl: ttl ? { status: ttl.TimeToLiveStatus ?? "DISABLED", attribute: ttl.AttributeName ?? null } : null,
    stream: {
      enabled: table.StreamSpecification?.StreamEnabled ?? false,
      viewType: table.StreamSpecification?.StreamEnabled ? (table.StreamSpecification.StreamViewType ?? null) : null,
      arn: table.LatestStreamArn ?? null,
      label: table.LatestStreamLabel ?? null,
    },
    deletionProtection: table.DeletionProtectionEnabled ?? false,
    tableClass: table.TableClassSummary?.TableClass ?? "STANDARD",
    replicas: replicas(table),
    globalTableVersion: table.GlobalTableVersion ?? null,
    encryption: table.SSEDescription?.SSEType ?? "AWS owned key",
  };
}
