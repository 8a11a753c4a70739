import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { expect, vi } from "vitest";
import type { JobResponse, JobSnapshot } from "@/lib/jobs/job-types";

/** Headers an authenticating proxy (oauth2-proxy) would set. */
export const VIEWER = { "x-forwarded-email": "viewer@corp.example", "x-forwarded-groups": "staff,sales" };
export const ENGINEER = { "x-forwarded-email": "eng@corp.example", "x-forwarded-groups": "staff, sre" };

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route as `who`, answering status, headers and the raw body text (so tests can grep it for leaks). */
export async function callAs<P>(handler: Handler<P>, who: Record<string, string>, url: string, params: P, init: RequestInit = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await handler(new Request(`http://localhost${url}`, { ...init, headers: { ...who, ...(init.headers as Record<string, string> | undefined) } }), { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Polls GET /api/jobs/:id as `who` until the job has stopped. */
export async function finishedAs(handler: Handler<{ id: string }>, who: Record<string, string>, id: string): Promise<JobSnapshot<unknown, unknown>> {
  return vi.waitFor(
    async () => {
      const { status, text } = await callAs(handler, who, `/api/jobs/${id}`, { id });
      expect(status, text).toBe(200);
      const job = (JSON.parse(text) as JobResponse).job;
      expect(job.status).not.toBe("running");
      return job;
    },
    { timeout: 30_000, interval: 50 },
  );
}

/** A users table's items: personal data at the top level, nested in maps, and in maps inside lists. */
export function personItem(tenant: string, id: number): Record<string, AttributeValue> {
  return {
    tenant: { S: tenant },
    id: { N: String(id) },
    email: { S: `secret-mail-${id}@example.com` },
    fullName: { S: `Secret Person ${id}` },
    plan: { S: "gold" },
    profile: { M: { contactEmail: { S: `secret-contact-${id}@example.com` }, city: { S: "Oslo" }, contacts: { L: [{ M: { email: { S: `secret-friend-${id}@example.com` } } }] } } },
  };
}

export const SECRET_VALUE = /secret-(mail|contact|friend)|Secret Person/;
