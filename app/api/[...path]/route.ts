// Any unknown /api path – a 404 in the error envelope instead of an HTML page
import { AppError } from "@/lib/errors/app-error";

function notFound(): Response {
  return Response.json(new AppError("NOT_FOUND", "No such API route.").toEnvelope(), {
    status: 404,
    headers: { "Cache-Control": "no-store" },
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
