import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetchTable } from "@/lib/server/query/prefetch-table";
import { StreamPage } from "./stream-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ table: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).table)} stream` };
}

/** The table's stream: the live tail of its writes and the write-key sample. The description is prefetched, so the page knows at once whether there is a stream. */
export default async function TableStreamPage({ params, searchParams }: Props) {
  const { table, queryClient } = await prefetchTable((await params).table, await searchParams);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <StreamPage table={table} />
    </HydrationBoundary>
  );
}
