// GET /api/tables/:table/stream/records – the live tail of the table's stream: the latest writes, newest first, and a cursor for newer ones
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parseStreamRecordsQuery, streamRecords } from "@/lib/server/streams/stream-records";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const table = await tableParam(context);
    const query = parseStreamRecordsQuery(new URL(request.url));
    return jsonResponse(await streamRecords(scope, table, access, query));
  });
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
