import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { getServerQueryClient } from "@/lib/server/query/server-query-client";
import { scopeFromSearchParams } from "@/lib/server/scope/resolve-scope";
import { tablesOverview } from "@/lib/server/tables/tables-overview";
import { TablesOverview } from "./tables-overview";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  // proxy.ts already refused an unknown account or region.
  const scope = scopeFromSearchParams(await searchParams);
  const queryClient = getServerQueryClient();
  // A failed prefetch is not fatal: the client island retries and shows the error state.
  await queryClient.prefetchQuery({ ...tablesQueries.list(scope), queryFn: () => tablesOverview(scope) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TablesOverview />
    </HydrationBoundary>
  );
}
