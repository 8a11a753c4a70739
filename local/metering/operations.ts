import type { TableCapacityModel } from "./table-catalog";
import { keyOf, queryPartitionKey, type KeyRef, type WireItem } from "./request-keys";

export type AccessKind = "read" | "write";

/**
 * One table (or index) a request touches, with the keys it addresses when they are knowable up front.
 * `gsisWritten` lists the GSIs a write can update; null means "cannot tell", e.g. an UpdateItem, so assume all.
 */
export type Access = { table: string; index: string | null; keys: KeyRef[]; gsisWritten?: string[] | null };

export type MeteredOperation = { operation: string; kind: AccessKind; accesses: Access[] };

const READS = new Set(["GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems"]);
const WRITES = new Set(["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"]);

export function accessKind(operation: string): AccessKind | null {
  if (READS.has(operation)) return "read";
  if (WRITES.has(operation)) return "write";
  return null;
}

/** DynamoDB accepts a table ARN wherever it accepts a name. */
export function tableNameOf(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const arn = /:table\/([^/]+)/.exec(value);
  return arn?.[1] ?? value;
}

/** Every table a request names, so their models can be loaded before it is examined. */
export function tablesNamed(operation: string, input: object): string[] {
  const request = input as Record<string, unknown>;
  if (operation === "BatchGetItem" || operation === "BatchWriteItem") {
    return Object.keys((request.RequestItems ?? {}) as object).flatMap((name) => tableNameOf(name) ?? []);
  }
  if (operation === "TransactGetItems" || operation === "TransactWriteItems") {
    const items = (request.TransactItems ?? []) as Array<Record<string, { TableName?: unknown }>>;
    return [...new Set(items.flatMap((entry) => Object.values(entry).flatMap((action) => tableNameOf(action.TableName) ?? [])))];
  }
  const name = tableNameOf(request.TableName);
  return name ? [name] : [];
}

type Models = ReadonlyMap<string, TableCapacityModel>;

function keysFor(model: TableCapacityModel | undefined, items: Array<WireItem | undefined>): KeyRef[] {
  if (!model) return [];
  return items.flatMap((item) => keyOf(item, model.partitionKey, model.sortKey) ?? []);
}

/** A put updates a GSI only when the item carries that index's partition key (GSIs are sparse). */
function gsisWrittenBy(model: TableCapacityModel | undefined, items: Array<WireItem | undefined>): string[] | null {
  if (!model) return null;
  return model.gsis.filter((gsi) => items.some((item) => item?.[gsi.partitionKey] !== undefined)).map((gsi) => gsi.name);
}

/** Describes what a data-plane request reads or writes, or null for control-plane calls the proxy only forwards. */
export function describeOperation(operation: string, input: object, models: Models): MeteredOperation | null {
  const request = input as Record<string, unknown>;
  const kind = accessKind(operation);
  if (!kind) return null;
  const single = (table: string | null, index: string | null, keys: KeyRef[]): MeteredOperation | null =>
    table ? { operation, kind, accesses: [{ table, index, keys }] } : null;

  switch (operation) {
    case "GetItem":
    case "UpdateItem":
    case "DeleteItem": {
      const table = tableNameOf(request.TableName);
      return single(table, null, keysFor(models.get(table ?? ""), [request.Key as WireItem]));
    }
    case "PutItem": {
      const table = tableNameOf(request.TableName);
      const model = models.get(table ?? "");
      const operationAccess = single(table, null, keysFor(model, [request.Item as WireItem]));
      const access = operationAccess?.accesses[0];
      if (access) access.gsisWritten = gsisWrittenBy(model, [request.Item as WireItem]);
      return operationAccess;
    }
    case "Query": {
      const table = tableNameOf(request.TableName);
      const model = models.get(table ?? "");
      const index = typeof request.IndexName === "string" ? request.IndexName : null;
      const gsi = index ? model?.gsis.find((candidate) => candidate.name === index) : undefined;
      // LSIs share the table's partition key; GSIs have their own.
      const partitionKey = gsi?.partitionKey ?? model?.partitionKey;
      const pk = partitionKey ? queryPartitionKey(request, partitionKey) : null;
      return single(table, gsi ? index : null, pk === null ? [] : [{ pk, sk: null }]);
    }
    case "Scan": {
      const table = tableNameOf(request.TableName);
      const index = typeof request.IndexName === "string" ? request.IndexName : null;
      const isGsi = index !== null && (models.get(table ?? "")?.gsis.some((gsi) => gsi.name === index) ?? false);
      return single(table, isGsi ? index : null, []);
    }
    case "BatchGetItem": {
      const requestItems = (request.RequestItems ?? {}) as Record<string, { Keys?: WireItem[] }>;
      return {
        operation,
        kind,
        accesses: Object.entries(requestItems).map(([name, entry]) => {
          const table = tableNameOf(name) ?? name;
          return { table, index: null, keys: keysFor(models.get(table), entry.Keys ?? []) };
        }),
      };
    }
    case "BatchWriteItem": {
      const requestItems = (request.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item?: WireItem }; DeleteRequest?: { Key?: WireItem } }>>;
      return {
        operation,
        kind,
        accesses: Object.entries(requestItems).map(([name, writes]) => {
          const table = tableNameOf(name) ?? name;
          const model = models.get(table);
          const hasDeletes = writes.some((write) => write.DeleteRequest);
          return {
            table,
            index: null,
            keys: keysFor(model, writes.map((write) => write.PutRequest?.Item ?? write.DeleteRequest?.Key)),
            gsisWritten: hasDeletes ? null : gsisWrittenBy(model, writes.map((write) => write.PutRequest?.Item)),
          };
        }),
      };
    }
    default: {
      // TransactGetItems / TransactWriteItems: group the actions by table.
      const byTable = new Map<string, Array<WireItem | undefined>>();
      for (const entry of (request.TransactItems ?? []) as Array<Record<string, { TableName?: unknown; Key?: WireItem; Item?: WireItem }>>) {
        for (const action of Object.values(entry)) {
          const table = tableNameOf(action.TableName);
          if (!table) continue;
          byTable.set(table, [...(byTable.get(table) ?? []), action.Key ?? action.Item]);
        }
      }
      return { operation, kind, accesses: [...byTable].map(([table, items]) => ({ table, index: null, keys: keysFor(models.get(table), items) })) };
    }
  }
}
