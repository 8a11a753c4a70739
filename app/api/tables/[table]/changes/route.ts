// GET /api/tables/:table/changes – the management calls on the table, its GSIs and their auto scaling in the window, from CloudTrail
import { tableChanges } from "@/lib/server/changes/table-changes";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const now = Date.now();
    const table = await tableParam(context);
    const { window } = parseMetricsParams(new URL(request.url), now);
    return jsonResponse(await tableChanges(scope, table, window, access, now));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
