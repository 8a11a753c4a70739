// GET /api/tables/:table/entities – the table's latest entity model (the newest entity job, running or finished)
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { latestEntities } from "@/lib/server/jobs/entities-job";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await latestEntities(scope, await tableParam(context), access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
