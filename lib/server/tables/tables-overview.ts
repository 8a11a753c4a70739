import "server-only";
import { env } from "@/lib/env";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import type { TableListEntry, TablesResponse } from "@/lib/tables/table-detail";
import { toAppError } from "@/lib/server/http/error-response";
import { describeTable } from "./describe-table";
import { listTableNames } from "./list-tables";

/** Enough parallelism to describe hundreds of tables quickly without tripping DescribeTable's rate limit. */
const DESCRIBE_CONCURRENCY = 8;

export async function tablesOverview(): Promise<TablesResponse> {
  const names = await listTableNames();
  const tables = await mapWithConcurrency(names, DESCRIBE_CONCURRENCY, async (name): Promise<TableListEntry> => {
    try {
      return { name, detail: await describeTable(name), error: null };
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
  const settings = env();
  return { region: settings.awsRegion, endpoint: settings.dynamodbEndpoint ? "custom" : "aws", tables };
}
