// GET /api/tables/:table – one table's full description
import { z } from "zod";
import { tableNameSchema } from "@/lib/tables/table-name";
import { handleRoute, methodNotAllowed, parseInput } from "@/lib/server/http/route-helpers";
import { jsonResponse } from "@/lib/server/http/error-response";
import { describeTable } from "@/lib/server/tables/describe-table";
import type { TableResponse } from "@/lib/tables/table-detail";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ table: tableNameSchema });

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (_access, scope) => {
    const { table } = parseInput(paramsSchema, await context.params);
    const body: TableResponse = { table: await describeTable(scope, table) };
    return jsonResponse(body);
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
