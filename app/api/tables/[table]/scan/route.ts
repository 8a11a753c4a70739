// GET /api/tables/:table/scan – one page of a Scan in storage order, with an optional filter
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseItemParams } from "@/lib/server/items/item-request";
import { scanItems } from "@/lib/server/items/scan-items";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await scanItems(scope, await tableParam(context), parseItemParams(new URL(request.url)), access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
