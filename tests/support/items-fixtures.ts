import { BatchWriteItemCommand, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import * as itemRoute from "@/app/api/tables/[table]/item/route";
import * as itemsRoute from "@/app/api/tables/[table]/items/route";
import * as partitionsRoute from "@/app/api/tables/[table]/partitions/route";
import * as scanRoute from "@/app/api/tables/[table]/scan/route";
import * as countRoute from "@/app/api/tables/[table]/count/route";
import * as exportRoute from "@/app/api/tables/[table]/export/route";
import { callRoute } from "./local-tables";

export async function putAll(client: DynamoDBClient, table: string, items: Record<string, AttributeValue>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    const batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    let pending: typeof batch | undefined = batch;
    while (pending && pending.length > 0) {
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = result.UnprocessedItems?.[table] as typeof batch | undefined;
    }
  }
}

const routes = { items: itemsRoute, partitions: partitionsRoute, scan: scanRoute, item: itemRoute, count: countRoute } as const;

/** GET one of the item routes with query parameters, as the browser would. */
export function getRoute(route: keyof typeof routes, table: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  return callRoute(routes[route].GET, `/api/tables/${table}/${route}?${query}`, { table });
}

export async function getExport(table: string, params: Record<string, string>): Promise<{ status: number; headers: Headers; text: string }> {
  const query = new URLSearchParams(params).toString();
  const response = await exportRoute.GET(new Request(`http://localhost/api/tables/${table}/export?${query}`), { params: Promise.resolve({ table }) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
