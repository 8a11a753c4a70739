import "server-only";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import type { Scope } from "@/lib/scope/scope";
import type { TableListEntry, TablesResponse } from "@/lib/tables/table-detail";
import { toAppError } from "@/lib/server/http/error-response";
import { describeTable } from "./describe-table";
import { listTableNames } from "./list-tables";

/** Enough parallelism to describe hundreds of tables quickly without tripping DescribeTable's rate limit. */
const DESCRIBE_CONCURRENCY = 8;

export async function tablesOverview(scope: Scope): Promise<TablesResponse> {
  const names = await listTableNames(scope);
  const tables = await mapWithConcurrency(names, DESCRIBE_CONCURRENCY, async (name): Promise<TableListEntry> => {
    try {
      return { name, detail: await describeTable(scope, name), error: null };
    } catch (error) {
      // One unreadable table must not hide the others: report it in its own row.
      const appError = toAppError(error);
      if (!appError) console.error(`[dynamo-lens] describing ${name} failed`, error);
      return {
        name,
        detail: null,
        error: appError ? { code: appError.code, message: appError.message } : { code: "INTERNAL", message: "Could not describe this table." },
      };
    }
  });
  return { account: scope.account, region: scope.region, tables };
}
