import "server-only";
import { assertMayExport, type Access } from "@/lib/server/auth/access";
import { QueryCommand, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { env } from "@/lib/env";
import { csvColumns, csvHeader, csvRow } from "@/lib/dynamo/csv";
import { toWireItem, type WireItem } from "@/lib/dynamo/wire-value";
import type { Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import { parseInput } from "@/lib/server/http/route-helpers";
import type { KeySchema } from "@/lib/tables/table-detail";
import type { ItemParams } from "./item-request";
import type { PageResult } from "./read-pages";
import { partitionQuery } from "./query-items";
import { tableScan } from "./scan-items";

export const exportOptionsSchema = z.object({
  source: z.enum(["query", "scan"]).default("query"),
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
  maxItems: z.coerce.number().int().min(1).optional(),
  maxRcu: z.coerce.number().min(0.5).optional(),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export function parseExportOptions(url: URL): ExportOptions {
  const pick = (name: string) => url.searchParams.get(name) ?? undefined;
  return parseInput(exportOptionsSchema, { source: pick("source"), format: pick("format"), maxItems: pick("maxItems"), maxRcu: pick("maxRcu") });
}

const EXPORT_PAGE = 1_000;
const OTHER_COLUMN = "(other attributes)";

export type PreparedExport = { stream: ReadableStream<Uint8Array>; filename: string; contentType: string; limits: { maxItems: number; maxRcu: number } };

/**
 * Streams a partition (Query) or a table (Scan) as JSON Lines of DynamoDB JSON, or as CSV, page by page, stopping at the
 * item and RCU caps (the RCU cap may be passed by at most one page). Input errors surface before the first byte.
 * CSV columns are fixed by the first page; attributes first seen later go, as DynamoDB JSON, into one last column.
 */
export async function prepareExport(scope: Scope, tableName: string, params: ItemParams, options: ExportOptions, access: Access, signal: AbortSignal): Promise<PreparedExport> {
  assertMayExport(access);
  const settings = env();
  const maxItems = Math.min(options.maxItems ?? settings.exportMaxItems, settings.exportMaxItems);
  const maxRcu = Math.min(options.maxRcu ?? settings.exportMaxRcu, settings.exportMaxRcu);
  let fetchPage: (startKey: Record<string, AttributeValue> | undefined, limit: number) => Promise<PageResult>;
  let keys: KeySchema;
  if (options.source === "query") {
    const { target, input } = await partitionQuery(scope, tableName, params);
    keys = target.table.keys;
    fetchPage = (ExclusiveStartKey, Limit) => dynamodb(scope).send(new QueryCommand({ ...input, ExclusiveStartKey, Limit }), { abortSignal: signal });
  } else {
    const { target, input } = await tableScan(scope, tableName, params);
    keys = target.table.keys;
    fetchPage = (ExclusiveStartKey, Limit) => dynamodb(scope).send(new ScanCommand({ ...input, ExclusiveStartKey, Limit }), { abortSignal: signal });
  }
  const keyAttributes = keys.sortKey ? [keys.partitionKey.name, keys.sortKey.name] : [keys.partitionKey.name];
  const encoder = new TextEncoder();

  let startKey: Record<string, AttributeValue> | undefined;
  let exported = 0;
  let consumed = 0;
  let finished = false;
  let columns: string[] | null = null;

  const render = (items: WireItem[]): string => {
    if (options.format === "jsonl") return items.map((item) => `${JSON.stringify(item)}\n`).join("");
    let text = "";
    let current = columns;
    if (!current) {
      current = csvColumns(keyAttributes, items);
      columns = current;
      text += csvHeader([...current, OTHER_COLUMN]);
    }
    const known = new Set(current);
    const all = [...current, OTHER_COLUMN];
    for (const item of items) {
      const other: WireItem = {};
      for (const [name, value] of Object.entries(item)) if (!known.has(name)) other[name] = value;
      const extra: WireItem = Object.keys(other).length > 0 ? { [OTHER_COLUMN]: { S: JSON.stringify(other) } } : {};
      text += csvRow({ ...item, ...extra }, all);
    }
    return text;
  };

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished || exported >= maxItems || consumed >= maxRcu) {
        if (options.format === "csv" && !columns) controller.enqueue(encoder.encode(csvHeader([...keyAttributes, OTHER_COLUMN])));
        controller.close();
        return;
      }
      const page = await fetchPage(startKey, Math.min(EXPORT_PAGE, maxItems - exported));
      consumed += page.ConsumedCapacity?.CapacityUnits ?? 0;
      const items = (page.Items ?? []).slice(0, maxItems - exported).map(toWireItem);
      exported += items.length;
      startKey = page.LastEvaluatedKey;
      finished = !startKey;
      if (items.length > 0) controller.enqueue(encoder.encode(render(items)));
    },
  });

  const pk = params.pk ? `-${params.pk.replace(/[^\w.-]+/g, "_").slice(0, 60)}` : "";
  return {
    stream,
    filename: `${tableName}${params.index ? `-${params.index}` : ""}${options.source === "query" ? pk : "-scan"}.${options.format}`,
    contentType: options.format === "jsonl" ? "application/x-ndjson; charset=utf-8" : "text/csv; charset=utf-8",
    limits: { maxItems, maxRcu },
  };
}
