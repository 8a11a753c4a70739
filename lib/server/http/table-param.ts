import "server-only";
import { z } from "zod";
import { tableNameSchema } from "@/lib/tables/table-name";
import { parseInput } from "./route-helpers";

const schema = z.object({ table: tableNameSchema });

/** The validated :table segment of a route. */
export async function tableParam(context: { params: Promise<{ table: string }> }): Promise<string> {
  return parseInput(schema, await context.params).table;
}
