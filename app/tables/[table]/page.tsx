import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { prefetchTable } from "@/lib/server/query/prefetch-table";
import { TableDescription } from "./table-description";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ table: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).table) };
}

export default async function TablePage({ params, searchParams }: Props) {
  const { table, queryClient } = await prefetchTable((await params).table, await searchParams);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <TableDescription table={table} />
    </HydrationBoundary>
  );
}
