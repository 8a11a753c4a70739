// GET /api/diagnosis/overview – each table's worst verdict, for the on-call triage list
import { overviewDiagnosis } from "@/lib/server/diagnosis/overview-diagnosis";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed } from "@/lib/server/http/route-helpers";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async (access, scope) => jsonResponse(await overviewDiagnosis(scope, access)));
}

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
