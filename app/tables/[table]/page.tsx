import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { tableNameSchema } from "@/lib/tables/table-name";
import { getServerQueryClient } from "@/lib/server/query/server-query-client";
import { describeTable } from "@/lib/server/tables/describe-table";
import { isTableExposed } from "@/lib/server/tables/list-tables";
import { TableDescription } from "./table-description";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ table: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { table } = await params;
  return { title: decodeURIComponent(table) };
}

export default async function TablePage({ params }: Props) {
  const parsed = tableNameSchema.safeParse(decodeURIComponent((await params).table));
  if (!parsed.success || !isTableExposed(parsed.data)) notFound();
  const table = parsed.data;
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ ...tablesQueries.detail(table), queryFn: async () => ({ table: await describeTable(table) }) });
  const state = queryClient.getQueryState(tablesQueries.detail(table).queryKey);
  if (state?.error instanceof AppError && state.error.status === 404) notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TableDescription table={table} />
    </HydrationBoundary>
  );
}
