// GET /api/metrics/overview – last hour's peak utilization, throttles by cause and a sparkline for every exposed table
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { overviewMetrics } from "@/lib/server/metrics/overview-metrics";
import { listTableNames } from "@/lib/server/tables/list-tables";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async (_access, scope) => jsonResponse(await overviewMetrics(scope, await listTableNames(scope), Date.now())));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
