// GET /api/tables/:table/cost?range=14d – what the table costs a month, and what the same traffic would cost under each capacity mode
import { tableCostFor } from "@/lib/server/cost/table-cost-data";
import { parseCostQuery } from "@/lib/server/cost/cost-params";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (_access, scope) => {
    const table = await tableParam(context);
    const { range } = parseCostQuery(new URL(request.url));
    const { cost } = await tableCostFor(scope, table, range);
    return jsonResponse(cost);
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
