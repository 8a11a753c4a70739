// GET /api/jobs/:id – a background job's progress and result; DELETE – cancel it
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { jobIdSchema } from "@/lib/jobs/job-params";
import type { JobResponse, JobSnapshot } from "@/lib/jobs/job-types";
import { assertMayRunJobs, type Access } from "@/lib/server/auth/access";
import { presentJob } from "@/lib/server/auth/present-keys";
import { jsonResponse } from "@/lib/server/http/error-response";
import { handleRoute, methodNotAllowed, parseInput } from "@/lib/server/http/route-helpers";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import type { Scope } from "@/lib/scope/scope";
import { isTableExposed } from "@/lib/server/tables/list-tables";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

const paramsSchema = z.object({ id: jobIdSchema });

async function jobId(context: Context): Promise<string> {
  return parseInput(paramsSchema, await context.params).id;
}

/** Unknown ids, jobs of another account or region, and jobs on tables the table patterns hide, are all 404s. */
function found(scope: Scope, id: string, job: JobSnapshot<unknown, unknown> | undefined, access: Access): JobResponse {
  if (!job || !isTableExposed(scope, job.table)) {
    throw new AppError("NOT_FOUND", `No job with id ${id} in ${scope.account}/${scope.region} (jobs are kept in memory until the server restarts).`);
  }
  return { job: presentJob(job, access) };
}

export async function GET(request: Request, context: Context): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    const id = await jobId(context);
    return jsonResponse(found(scope, id, jobRegistry().get(scope, id), access));
  });
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  return handleRoute(request, async (access, scope) => {
    assertMayRunJobs(access);
    const id = await jobId(context);
    const registry = jobRegistry();
    // Check first, so a job on a hidden table cannot be cancelled either.
    found(scope, id, registry.get(scope, id), access);
    return jsonResponse(found(scope, id, await registry.cancel(scope, id), access));
  });
}

export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
