// GET /api/tables/:table/partitions – partition keys found by a bounded scan, with items and bytes seen for each
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { parsePartitionParams, scanPartitions } from "@/lib/server/items/scan-partitions";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await scanPartitions(scope, await tableParam(context), parsePartitionParams(new URL(request.url)), access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
