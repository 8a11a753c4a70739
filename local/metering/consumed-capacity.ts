/** ConsumedCapacity as DynamoDB returns it with ReturnConsumedCapacity=INDEXES (one object, or a list for batch and transact). */
type WireCapacity = {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
};

/** Units charged to one table: LSIs share the table's throughput, so they count toward the table; GSIs have their own. */
export type TableConsumption = { table: string; total: number; tableUnits: number; gsiUnits: Map<string, number> };

export type ReturnConsumedCapacity = "NONE" | "TOTAL" | "INDEXES";

export function requestedLevel(request: Record<string, unknown>): ReturnConsumedCapacity {
  const value = request.ReturnConsumedCapacity;
  return value === "TOTAL" || value === "INDEXES" ? value : "NONE";
}

function asList(value: unknown): WireCapacity[] {
  if (Array.isArray(value)) return value as WireCapacity[];
  return value && typeof value === "object" ? [value as WireCapacity] : [];
}

export function consumptionOf(response: Record<string, unknown>): TableConsumption[] {
  return asList(response.ConsumedCapacity).map((entry) => {
    const lsiUnits = Object.values(entry.LocalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
    const gsiUnits = new Map(Object.entries(entry.GlobalSecondaryIndexes ?? {}).map(([name, index]) => [name, index.CapacityUnits ?? 0]));
    const total = entry.CapacityUnits ?? 0;
    // Without a Table breakdown (older shapes), everything not on a GSI is the table's.
    const gsiTotal = [...gsiUnits.values()].reduce((sum, units) => sum + units, 0);
    const tableUnits = entry.Table ? (entry.Table.CapacityUnits ?? 0) + lsiUnits : total - gsiTotal;
    return { table: entry.TableName ?? "", total, tableUnits, gsiUnits };
  });
}

/** The proxy always asks for INDEXES; hand the client only what it asked for. */
export function stripToRequested(response: Record<string, unknown>, level: ReturnConsumedCapacity): Record<string, unknown> {
  if (!("ConsumedCapacity" in response) || level === "INDEXES") return response;
  const { ConsumedCapacity: consumed, ...rest } = response;
  if (level === "NONE") return rest;
  const total = (entry: WireCapacity): WireCapacity => {
    const trimmed: WireCapacity = { TableName: entry.TableName, CapacityUnits: entry.CapacityUnits };
    if (entry.ReadCapacityUnits !== undefined) trimmed.ReadCapacityUnits = entry.ReadCapacityUnits;
    if (entry.WriteCapacityUnits !== undefined) trimmed.WriteCapacityUnits = entry.WriteCapacityUnits;
    return trimmed;
  };
  return { ...rest, ConsumedCapacity: Array.isArray(consumed) ? asList(consumed).map(total) : total(consumed as WireCapacity) };
}
