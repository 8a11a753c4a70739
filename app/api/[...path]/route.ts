// Any unknown /api path – a 404 in the error envelope instead of an HTML page (after the identity check)
import { AppError } from "@/lib/errors/app-error";
import { handleRoute } from "@/lib/server/http/route-helpers";

function notFound(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    throw new AppError("NOT_FOUND", "No such API route.");
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
