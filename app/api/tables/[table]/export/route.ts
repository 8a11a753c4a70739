// GET /api/tables/:table/export – a partition (source=query) or a scan (source=scan) streamed as JSON Lines or CSV
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseExportOptions, prepareExport } from "@/lib/server/items/export-items";
import { parseItemParams } from "@/lib/server/items/item-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const url = new URL(request.url);
    const prepared = await prepareExport(scope, await tableParam(context), parseItemParams(url), parseExportOptions(url), access, request.signal);
    return new Response(prepared.stream, {
      headers: {
        "Content-Type": prepared.contentType,
        "Content-Disposition": `attachment; filename="${prepared.filename}"`,
        "Cache-Control": "no-store",
        "X-Export-Max-Items": String(prepared.limits.maxItems),
        "X-Export-Max-Rcu": String(prepared.limits.maxRcu),
      },
    });
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
