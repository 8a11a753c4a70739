import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { getServerQueryClient } from "@/lib/server/query/server-query-client";
import { tablesOverview } from "@/lib/server/tables/tables-overview";
import { TablesOverview } from "./tables-overview";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const queryClient = getServerQueryClient();
  // A failed prefetch is not fatal: the client island retries and shows the error state.
  await queryClient.prefetchQuery({ ...tablesQueries.list(), queryFn: tablesOverview });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TablesOverview />
    </HydrationBoundary>
  );
}
