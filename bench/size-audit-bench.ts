import { DynamoDBClient, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { DEFAULT_MAX_PAGE_LIMIT } from "../lib/jobs/scan-planner";
import type { JobResponse, SizeAuditParams, SizeAuditResult, StartJobResponse } from "../lib/jobs/job-types";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/local-clients";
import { processMemory } from "./process-memory";

const SEGMENTS = 4;
/** The raw Scan uses the audit's largest page, so the ratio isolates the dashboard's own overhead. */
const PAGE = DEFAULT_MAX_PAGE_LIMIT;

async function rawScan(endpoint: string, table: string): Promise<{ items: number; seconds: number }> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: SEGMENTS }, async (_, segment) => {
      let items = 0;
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(new ScanCommand({ TableName: table, Segment: segment, TotalSegments: SEGMENTS, Limit: PAGE, ExclusiveStartKey: startKey, ReturnConsumedCapacity: "TOTAL" }));
        items += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items;
    }),
  );
  client.destroy();
  return { items: counts.reduce((sum, count) => sum + count, 0), seconds: (performance.now() - started) / 1000 };
}

/** A full size audit of the largest demo table through the dashboard's API, against a raw parallel Scan of the same table. */
export async function benchSizeAudit(baseUrl: string, dashboardPid: number | undefined, dynamodbEndpoint: string) {
  const table = "Shop";
  const before = dashboardPid ? processMemory(dashboardPid) : null;
  const params: SizeAuditParams = { kind: "size-audit", mode: "full", rcuBudget: 1_000_000, rcuPerSecond: 10_000, segments: SEGMENTS, thresholdBytes: 358_400 };
  const started = await fetch(`${baseUrl}/api/tables/${table}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) });
  if (started.status !== 202) throw new Error(`audit did not start: HTTP ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as StartJobResponse;
  let job: JobResponse<SizeAuditParams, SizeAuditResult>["job"];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = ((await (await fetch(`${baseUrl}/api/jobs/${id}`)).json()) as JobResponse<SizeAuditParams, SizeAuditResult>).job;
    if (job.status !== "running") break;
  }
  const after = dashboardPid ? processMemory(dashboardPid) : null;
  const auditSeconds = job.progress.elapsedMs / 1000;
  const raw = await rawScan(dynamodbEndpoint, table);
  const auditItemsPerSecond = Math.round(job.progress.itemsRead / auditSeconds);
  const rawItemsPerSecond = Math.round(raw.items / raw.seconds);
  return {
    table,
    status: job.status,
    stopReason: job.stopReason,
    itemsRead: job.progress.itemsRead,
    rcuUsed: Math.round(job.progress.rcuUsed),
    largeItemsFound: job.result?.overThreshold.count ?? null,
    auditItemsPerSecond,
    rawScanItemsPerSecond: rawItemsPerSecond,
    ratio: Math.round((auditItemsPerSecond / rawItemsPerSecond) * 100) / 100,
    dashboardRssMbBefore: before?.rssMb ?? null,
    dashboardPeakRssMbAfter: after?.peakRssMb ?? null,
  };
}
