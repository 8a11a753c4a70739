// GET /api/tables/:table/items – one page of a partition, by Query, with an optional sort-key condition and filter
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseItemParams } from "@/lib/server/items/item-request";
import { queryItems } from "@/lib/server/items/query-items";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await queryItems(scope, await tableParam(context), parseItemParams(new URL(request.url)), access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
