// GET /api/tables/:table/metrics – capacity, throttling and request metrics of a table and its GSIs, from CloudWatch (with compare=1d|1w, also the same window a day or a week earlier)
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";
import { getTableMetrics } from "@/lib/server/metrics/table-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (_access, scope) => {
    const table = await tableParam(context);
    const nowMs = Date.now();
    return jsonResponse(await getTableMetrics(scope, table, parseMetricsParams(new URL(request.url), nowMs), nowMs));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
