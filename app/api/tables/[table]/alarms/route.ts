// GET /api/tables/:table/alarms – the CloudWatch alarms on the table and its GSIs, with their state and spans in ALARM in the window
import { tableAlarms } from "@/lib/server/alarms/table-alarms";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (_access, scope) => {
    const now = Date.now();
    const table = await tableParam(context);
    const { window } = parseMetricsParams(new URL(request.url), now);
    return jsonResponse(await tableAlarms(scope, table, window, now));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
