// GET /api/tables/:table/insights – Contributor Insights status of a table and its GSIs, and their top keys over a window
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { presentInsights } from "@/lib/server/auth/present-keys";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const table = await tableParam(context);
    const nowMs = Date.now();
    // The same ?range= / ?start=&end= as the metrics route, so the heat map shares the capacity section's window.
    const { window } = parseMetricsParams(new URL(request.url), nowMs);
    return jsonResponse(presentInsights(await tableInsights(scope, table, window, {}, nowMs), access));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
