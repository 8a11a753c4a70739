import "server-only";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import { tableMatcher } from "@/lib/tables/table-filter";
import { dynamodb } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";

const LIST_TTL_MS = 10_000;
const cache = new TtlCache<string[]>(4);

/** Every table name in the region that the TABLES setting exposes, in DynamoDB's (alphabetical) order. */
export async function listTableNames(): Promise<string[]> {
  return cache.get("all", LIST_TTL_MS, async () => {
    const isExposed = tableMatcher(env().tablePatterns);
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await dynamodb().send(new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 }));
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
    return names.filter(isExposed);
  });
}

export function isTableExposed(tableName: string): boolean {
  return tableMatcher(env().tablePatterns)(tableName);
}
