// GET /api/tables/:table/scaling – the table's and its GSIs' auto scaling: targets, policies, scheduled actions and the activities in the window
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";
import { tableScaling } from "@/lib/server/scaling/table-scaling";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (_access, scope) => {
    const now = Date.now();
    const table = await tableParam(context);
    const { window } = parseMetricsParams(new URL(request.url), now);
    return jsonResponse(await tableScaling(scope, table, window, now));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
