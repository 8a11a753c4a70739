import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { expect, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as tableJobsRoute from "@/app/api/tables/[table]/jobs/route";
import { itemSize } from "@/lib/dynamo/item-size";
import type { JobResponse, SizeAuditJob } from "@/lib/jobs/job-types";
import { callRoute } from "./local-tables";

/**
 * An item of exactly `bytes` bytes whose padding is split over three attributes, so none holds 40% of the item (for
 * items well above the key's size).
 */
export function balancedItem(key: Record<string, AttributeValue>, bytes: number): Record<string, AttributeValue> {
  const base = itemSize({ ...key, a: { S: "" }, b: { S: "" }, c: { S: "" } });
  const rest = bytes - base;
  const third = Math.floor(rest / 3);
  const item = { ...key, a: { S: "a".repeat(third) }, b: { S: "b".repeat(third) }, c: { S: "c".repeat(rest - 2 * third) } };
  if (itemSize(item) !== bytes) throw new Error("balancedItem: size mismatch");
  return item;
}

export function postJob(table: string, body: unknown) {
  return callRoute(tableJobsRoute.POST, `/api/tables/${table}/jobs`, { table }, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
}

export function latestJob(table: string, kind?: string) {
  return callRoute(tableJobsRoute.GET, `/api/tables/${table}/jobs${kind ? `?kind=${kind}` : ""}`, { table });
}

export function getJob(id: string) {
  return callRoute(jobRoute.GET, `/api/jobs/${id}`, { id });
}

export function deleteJob(id: string) {
  return callRoute(jobRoute.DELETE, `/api/jobs/${id}`, { id }, { method: "DELETE" });
}

/** POSTs an audit and answers its id, failing the test on anything but 202. */
export async function startAudit(table: string, body: Record<string, unknown>): Promise<string> {
  const { status, body: response } = await postJob(table, { kind: "size-audit", ...body });
  expect(status, JSON.stringify(response)).toBe(202);
  return (response as { id: string }).id;
}

/** Polls GET /api/jobs/:id, as the UI does, until the job is no longer running. */
export async function finishedJob(id: string): Promise<SizeAuditJob> {
  return vi.waitFor(
    async () => {
      const { status, body } = await getJob(id);
      expect(status).toBe(200);
      const job = (body as JobResponse).job as SizeAuditJob;
      expect(job.status).not.toBe("running");
      return job;
    },
    { timeout: 30_000, interval: 50 },
  );
}
