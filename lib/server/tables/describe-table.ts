import "server-only";
import { DescribeTableCommand, DescribeTimeToLiveCommand, type TimeToLiveDescription } from "@aws-sdk/client-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { fromTableDescription } from "@/lib/tables/from-table-description";
import type { TableDetail } from "@/lib/tables/table-detail";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { isTableExposed } from "./list-tables";

const DESCRIBE_TTL_MS = 10_000;
// One entry per table of every account and region the fleet page reads at once (a description is a few KB), so a
// fleet read never evicts what it is about to read again.
const cache = new TtlCache<TableDetail>(10_000);

export function tableNotFound(scope: Scope, tableName: string): AppError {
  return new AppError("NOT_FOUND", `Table "${tableName}" was not found in ${scope.region} (account ${scope.account}).`);
}

async function describeTimeToLive(scope: Scope, tableName: string): Promise<TimeToLiveDescription | null> {
  try {
    const result = await dynamodb(scope).send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    return result.TimeToLiveDescription ?? null;
  } catch (error) {
    // A policy may grant DescribeTable but not DescribeTimeToLive; show TTL as unknown rather than failing the table.
    if (error instanceof Error && error.name === "AccessDeniedException") return null;
    throw error;
  }
}

/** The full description of one exposed table. Tables hidden by TABLES are reported exactly like missing ones. */
export async function describeTable(scope: Scope, tableName: string): Promise<TableDetail> {
  if (!isTableExposed(scope, tableName)) throw tableNotFound(scope, tableName);
  return cache.get(JSON.stringify([scopeKey(scope), tableName]), DESCRIBE_TTL_MS, async () => {
    try {
      const [description, ttl] = await Promise.all([
        dynamodb(scope).send(new DescribeTableCommand({ TableName: tableName })),
        describeTimeToLive(scope, tableName),
      ]);
      if (!description.Table) throw tableNotFound(scope, tableName);
      return fromTableDescription(description.Table, ttl);
    } catch (error) {
      if (error instanceof Error && error.name === "ResourceNotFoundException") throw tableNotFound(scope, tableName);
      throw error;
    }
  });
}
