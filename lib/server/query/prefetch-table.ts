import "server-only";
import { notFound } from "next/navigation";
import type { QueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors/app-error";
import { tablesQueries } from "@/lib/queries/tables-queries";
import type { Scope } from "@/lib/scope/scope";
import { tableNameSchema } from "@/lib/tables/table-name";
import { describeTable } from "@/lib/server/tables/describe-table";
import { isTableExposed } from "@/lib/server/tables/list-tables";
import { scopeFromSearchParams } from "@/lib/server/scope/resolve-scope";
import { getServerQueryClient } from "./server-query-client";

/**
 * For pages under /tables/[table]: validates the segment, prefetches the description (in the account and region the
 * URL names; proxy.ts already refused unknown ones) into this request's QueryClient, and answers 404 for a table
 * that is missing or hidden by the table patterns. Other failures are left to the client island, which shows them
 * with a retry.
 */
export async function prefetchTable(segment: string, searchParams: Record<string, string | string[] | undefined>): Promise<{ table: string; scope: Scope; queryClient: QueryClient }> {
  const scope = scopeFromSearchParams(searchParams);
  const parsed = tableNameSchema.safeParse(decodeURIComponent(segment));
  if (!parsed.success || !isTableExposed(scope, parsed.data)) notFound();
  const table = parsed.data;
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ ...tablesQueries.detail(scope, table), queryFn: async () => ({ table: await describeTable(scope, table) }) });
  const state = queryClient.getQueryState(tablesQueries.detail(scope, table).queryKey);
  if (state?.error instanceof AppError && state.error.status === 404) notFound();
  return { table, scope, queryClient };
}
