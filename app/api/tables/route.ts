// GET /api/tables – every exposed table with its description
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { jsonResponse } from "@/lib/server/http/error-response";
import { tablesOverview } from "@/lib/server/tables/tables-overview";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async (_access, scope) => jsonResponse(await tablesOverview(scope)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
