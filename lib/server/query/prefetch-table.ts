import "server-only";
import { notFound } from "next/navigation";
import type { QueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors/app-error";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { tableNameSchema } from "@/lib/tables/table-name";
import { describeTable } from "@/lib/server/tables/describe-table";
import { isTableExposed } from "@/lib/server/tables/list-tables";
import { getServerQueryClient } from "./server-query-client";

/**
 * For pages under /tables/[table]: validates the segment, prefetches the description into this request's
 * QueryClient, and answers 404 for a table that is missing or hidden by TABLES. Other failures are left to the
 * client island, which shows them with a retry.
 */
export async function prefetchTable(segment: string): Promise<{ table: string; queryClient: QueryClient }> {
  const parsed = tableNameSchema.safeParse(decodeURIComponent(segment));
  if (!parsed.success || !isTableExposed(parsed.data)) notFound();
  const table = parsed.data;
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ ...tablesQueries.detail(table), queryFn: async () => ({ table: await describeTable(table) }) });
  const state = queryClient.getQueryState(tablesQueries.detail(table).queryKey);
  if (state?.error instanceof AppError && state.error.status === 404) notFound();
  return { table, queryClient };
}
