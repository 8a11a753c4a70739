// GET /api/tables/:table/count – an exact count of a partition (Select COUNT, paged), with the RCU it cost
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { countItems } from "@/lib/server/items/count-items";
import { parseItemParams } from "@/lib/server/items/item-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await countItems(scope, await tableParam(context), parseItemParams(new URL(request.url)), access, request.signal)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
