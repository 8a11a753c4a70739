import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { resolveIndex, UnknownIndexError, type ResolvedIndex } from "@/lib/tables/index-keys";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { describeTable } from "@/lib/server/tables/describe-table";

export type ReadTarget = { table: TableDetail; index: ResolvedIndex };

/** The table (which must be exposed) and the index being read; an unknown index is the caller's mistake, a 400. */
export async function readTarget(scope: Scope, tableName: string, indexName: string | undefined): Promise<ReadTarget> {
  const table = await describeTable(scope, tableName);
  try {
    return { table, index: resolveIndex(table, indexName) };
  } catch (error) {
    if (error instanceof UnknownIndexError) throw new AppError("BAD_REQUEST", error.message);
    throw error;
  }
}
