// GET /api/tables/:table/item?key=<DynamoDB JSON> – one item by its primary key
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { getItem } from "@/lib/server/items/get-item";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await getItem(scope, await tableParam(context), new URL(request.url).searchParams.get("key"), access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
