// GET /api/tables/:table/report – an incident report over a frozen window (start, end), as one self-contained HTML file or Markdown
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseReportParams } from "@/lib/server/report/report-params";
import { reportResponse } from "@/lib/server/report/report-response";
import { tableReportModel } from "@/lib/server/report/table-report";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const nowMs = Date.now();
    const table = await tableParam(context);
    const url = new URL(request.url);
    const params = parseReportParams(url, nowMs);
    // Links back to the live views carry the origin the report was asked from, so they still open from a saved file.
    const model = await tableReportModel(scope, table, params, access, { origin: url.origin, nowMs });
    return reportResponse(model, params.format);
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
