// GET /api/tables/:table/diagnosis – plain verdicts on what is wrong with the table, with their evidence
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { tableDiagnosis } from "@/lib/server/diagnosis/table-diagnosis";
import { parseMetricsParams } from "@/lib/server/metrics/metrics-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const now = Date.now();
    const table = await tableParam(context);
    return jsonResponse(await tableDiagnosis(scope, table, parseMetricsParams(new URL(request.url), now), access, now));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
