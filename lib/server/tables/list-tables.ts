import "server-only";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { tableMatcher } from "@/lib/tables/table-filter";
import { dynamodb } from "@/lib/server/aws/clients";
import { accountConfig } from "@/lib/server/scope/resolve-scope";
import { TtlCache } from "@/lib/server/cache/ttl-cache";

const LIST_TTL_MS = 10_000;
// One entry per account and region.
const cache = new TtlCache<string[]>(256);

/** Every table name in the scope's region that its account's table patterns expose, in DynamoDB's (alphabetical) order. */
export async function listTableNames(scope: Scope): Promise<string[]> {
  return cache.get(scopeKey(scope), LIST_TTL_MS, async () => {
    const isExposed = tableMatcher(accountConfig(scope).tablePatterns);
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await dynamodb(scope).send(new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 }));
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
    return names.filter(isExposed);
  });
}

/** Whether the account's table patterns (ACCOUNTS_FILE `tables`, else TABLES) expose this table. */
export function isTableExposed(scope: Scope, tableName: string): boolean {
  return tableMatcher(accountConfig(scope).tablePatterns)(tableName);
}
