import { DescribeTableCommand, type DynamoDBClient, type TableDescription } from "@aws-sdk/client-dynamodb";

/** What the proxy needs to know about a table to meter and throttle it like the service does. */
export type TableCapacityModel = {
  name: string;
  arn: string;
  partitionKey: string;
  sortKey: string | null;
  billingMode: "PROVISIONED" | "PAY_PER_REQUEST";
  /** Provisioned units per second, or null on on-demand tables. */
  provisioned: { read: number; write: number } | null;
  /** The on-demand maximum per second, when one is set. */
  onDemandMax: { read: number | null; write: number | null } | null;
  gsis: Array<{
    name: string;
    arn: string;
    partitionKey: string;
    sortKey: string | null;
    provisioned: { read: number; write: number } | null;
    onDemandMax: { read: number | null; write: number | null } | null;
  }>;
};

const positiveOrNull = (value: number | undefined) => (value !== undefined && value > 0 ? value : null);

function onDemandMax(value: { MaxReadRequestUnits?: number; MaxWriteRequestUnits?: number } | undefined) {
  const read = positiveOrNull(value?.MaxReadRequestUnits);
  const write = positiveOrNull(value?.MaxWriteRequestUnits);
  return read === null && write === null ? null : { read, write };
}

function keyNames(schema: TableDescription["KeySchema"]): { partitionKey: string; sortKey: string | null } {
  return {
    partitionKey: schema?.find((element) => element.KeyType === "HASH")?.AttributeName ?? "",
    sortKey: schema?.find((element) => element.KeyType === "RANGE")?.AttributeName ?? null,
  };
}

/** ARNs are taken from the description, so ThrottlingReasons name resources exactly as DescribeTable does. */
export function toModel(table: TableDescription): TableCapacityModel {
  const name = table.TableName ?? "";
  const billingMode = table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST" ? "PAY_PER_REQUEST" : "PROVISIONED";
  const provisioned = (throughput: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) =>
    billingMode === "PROVISIONED" ? { read: throughput?.ReadCapacityUnits ?? 0, write: throughput?.WriteCapacityUnits ?? 0 } : null;
  const arn = table.TableArn ?? `arn:aws:dynamodb:ddblocal:000000000000:table/${name}`;
  return {
    name,
    arn,
    ...keyNames(table.KeySchema),
    billingMode,
    provisioned: provisioned(table.ProvisionedThroughput),
    onDemandMax: billingMode === "PAY_PER_REQUEST" ? onDemandMax(table.OnDemandThroughput) : null,
    gsis: (table.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName ?? "",
      arn: index.IndexArn ?? `${arn}/index/${index.IndexName ?? ""}`,
      ...keyNames(index.KeySchema),
      provisioned: provisioned(index.ProvisionedThroughput),
      onDemandMax: billingMode === "PAY_PER_REQUEST" ? onDemandMax(index.OnDemandThroughput) : null,
    })),
  };
}

/** Table descriptions from DynamoDB Local, refreshed after a short TTL or when a control-plane call changes them. */
export class TableCatalog {
  private readonly models = new Map<string, { model: TableCapacityModel; fetchedAt: number }>();

  constructor(
    private readonly client: DynamoDBClient,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(tableName: string): Promise<TableCapacityModel | null> {
    const cached = this.models.get(tableName);
    if (cached && this.now() - cached.fetchedAt < this.ttlMs) return cached.model;
    try {
      const result = await this.client.send(new DescribeTableCommand({ TableName: tableName }));
      if (!result.Table) return null;
      const model = toModel(result.Table);
      this.models.set(tableName, { model, fetchedAt: this.now() });
      return model;
    } catch (error) {
      // A missing table is the client's problem to discover from DynamoDB Local itself; don't meter it.
      if (error instanceof Error && error.name === "ResourceNotFoundException") {
        this.models.delete(tableName);
        return null;
      }
      throw error;
    }
  }

  /** A description someone else just read (a DescribeTable through the proxy): fresher than whatever is cached. */
  remember(table: TableDescription): void {
    if (table.TableName) this.models.set(table.TableName, { model: toModel(table), fetchedAt: this.now() });
  }

  /** Tables seen so far, for publishing provisioned-capacity metrics. */
  known(): TableCapacityModel[] {
    return [...this.models.values()].map((entry) => entry.model);
  }

  invalidate(tableName?: string): void {
    if (tableName) this.models.delete(tableName);
    else this.models.clear();
  }
}
