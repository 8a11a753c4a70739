import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetchTable } from "@/lib/server/query/prefetch-table";
import { ItemsBrowser } from "./items-browser";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ table: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).table)} items` };
}

export default async function ItemsPage({ params, searchParams }: Props) {
  const { table, queryClient } = await prefetchTable((await params).table, await searchParams);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ItemsBrowser table={table} />
    </HydrationBoundary>
  );
}
