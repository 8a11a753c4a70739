// GET /api/fleet – every exposed table in every configured account and region, trouble first
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { fleetOverview } from "@/lib/server/fleet/fleet-overview";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async (access) => jsonResponse(await fleetOverview(access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
