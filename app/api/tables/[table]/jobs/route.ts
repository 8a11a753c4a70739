// POST /api/tables/:table/jobs – start a background job (size audit, key sample, stream sample or entities) on a table; GET ?kind= – its latest job
import { z } from "zod";
import { jobKindSchema } from "@/lib/jobs/job-params";
import type { LatestJobResponse, StartJobResponse } from "@/lib/jobs/job-types";
import { assertMayRunJobs } from "@/lib/server/auth/access";
import { presentJob } from "@/lib/server/auth/present-keys";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed, parseInput } from "@/lib/server/http/route-helpers";
import { tableParam } from "@/lib/server/http/table-param";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import { parseStartJobBody, readJsonBody } from "@/lib/server/jobs/job-request";
import { startEntities } from "@/lib/server/jobs/entities-job";
import { startKeySample } from "@/lib/server/jobs/key-sample";
import { startSizeAudit } from "@/lib/server/jobs/size-audit";
import { startStreamSample } from "@/lib/server/jobs/stream-sample";
import { describeTable } from "@/lib/server/tables/describe-table";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ table: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    assertMayRunJobs(access);
    const table = await tableParam(context);
    const params = parseStartJobBody(await readJsonBody(request));
    // A key sample may answer 409 first when the table throttled in the last hour (see startKeySample).
    // A stream sample answers 409 when the table has no stream to read (see startStreamSample).
    const job =
      params.kind === "entities"
        ? await startEntities(scope, table, params)
        : params.kind === "stream-sample"
          ? await startStreamSample(scope, table, params)
          : params.kind === "key-sample"
            ? await startKeySample(scope, table, params)
            : await startSizeAudit(scope, table, params);
    const body: StartJobResponse = { id: job.id };
    // 202: the job runs on after this response; poll GET /api/jobs/:id.
    return jsonResponse(body, { status: 202 });
  });
}

const querySchema = z.object({ kind: jobKindSchema });

export async function GET(request: Request, context: Context): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const table = await tableParam(context);
    const { kind } = parseInput(querySchema, { kind: new URL(request.url).searchParams.get("kind") ?? undefined });
    // Hidden and missing tables get the same 404 as everywhere else.
    await describeTable(scope, table);
    const latest = jobRegistry().latest(scope, table, kind);
    const body: LatestJobResponse = { job: latest ? presentJob(latest, access) : null };
    return jsonResponse(body);
  });
}

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
