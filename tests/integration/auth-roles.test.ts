import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as countRoute from "@/app/api/tables/[table]/count/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as exportRoute from "@/app/api/tables/[table]/export/route";
import * as itemRoute from "@/app/api/tables/[table]/item/route";
import * as itemsRoute from "@/app/api/tables/[table]/items/route";
import * as jobsRoute from "@/app/api/tables/[table]/jobs/route";
import * as partitionsRoute from "@/app/api/tables/[table]/partitions/route";
import * as scanRoute from "@/app/api/tables/[table]/scan/route";
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { ItemResponse, ItemsPage } from "@/lib/items/items-api";
import type { KeySampleResult, SizeAuditResult } from "@/lib/jobs/job-types";
import { ENGINEER, SECRET_VALUE, VIEWER, callAs, finishedAs, personItem } from "../support/auth-fixtures";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

// A fresh module graph per file: lib/env.ts parses these values when the routes first call env().
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre,dba");
vi.stubEnv("REDACT_ATTRIBUTES", "email, *NAME*, *Email");
vi.stubEnv("TABLES", "it-auth-*");

const TABLE = "it-auth-People";
// One tenant holds most items, so the key sample and the storage-skew verdict name it.
const BIG_TENANT = "tenant-acme-private";
const KEY_PATTERN = new RegExp(BIG_TENANT);
const jobBody = { mode: "full", segments: 1, rcuBudget: 100_000, rcuPerSecond: 10_000 };
const fixtures = fixtureClient();
const keyJson = JSON.stringify({ tenant: { S: BIG_TENANT }, id: { N: "1" } });
let sampleId = "";
let auditId = "";

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "tenant", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "N" },
        { AttributeName: "email", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "tenant", KeyType: "HASH" },
        { AttributeName: "id", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [{ IndexName: "ByEmail", KeySchema: [{ AttributeName: "email", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } }],
    },
  ]);
  const items = Array.from({ length: 150 }, (_, i) => personItem(BIG_TENANT, i));
  for (let i = 0; i < 6; i++) items.push(personItem(`tenant-small-${i}`, 100 + i));
  await putAll(fixtures, TABLE, items);
  const post = (kind: string) => callAs(jobsRoute.POST, ENGINEER, `/api/tables/${TABLE}/jobs`, { table: TABLE }, { method: "POST", body: JSON.stringify({ kind, ...jobBody, ...(kind === "key-sample" ? { acknowledgeRecentThrottling: true } : { thresholdBytes: 1 }) }) });
  const sample = await post("key-sample");
  expect(sample.status, sample.text).toBe(202);
  sampleId = (JSON.parse(sample.text) as { id: string }).id;
  await finishedAs(jobRoute.GET, ENGINEER, sampleId);
  const audit = await post("size-audit");
  expect(audit.status, audit.text).toBe(202);
  auditId = (JSON.parse(audit.text) as { id: string }).id;
  await finishedAs(jobRoute.GET, ENGINEER, auditId);
});

afterAll(() => fixtures.destroy());

const items = (who: Record<string, string>, query = `pk=${BIG_TENANT}&limit=10`) => callAs(itemsRoute.GET, who, `/api/tables/${TABLE}/items?${query}`, { table: TABLE });

describe("a viewer", () => {
  it("gets masked values from items, keeping keys and types visible", async () => {
    const { status, text } = await items(VIEWER);
    expect(status, text).toBe(200);
    expect(text).not.toMatch(SECRET_VALUE);
    const page = JSON.parse(text) as ItemsPage;
    expect(page.items).toHaveLength(10);
    const first = page.items[0];
    expect(first?.tenant).toEqual({ S: BIG_TENANT });
    expect(first?.email).toEqual({ REDACTED: "S", bytes: expect.any(Number) });
    expect(first?.fullName).toEqual({ REDACTED: "S", bytes: expect.any(Number) });
    expect(first?.plan).toEqual({ S: "gold" });
    expect(first?.profile).toMatchObject({ M: { contactEmail: { REDACTED: "S" }, city: { S: "Oslo" }, contacts: { L: [{ M: { email: { REDACTED: "S" } } }] } } });
  });

  it("gets masked values from scan, item and partitions", async () => {
    const scan = await callAs(scanRoute.GET, VIEWER, `/api/tables/${TABLE}/scan?limit=100`, { table: TABLE });
    expect(scan.status, scan.text).toBe(200);
    expect((JSON.parse(scan.text) as ItemsPage).items.length).toBeGreaterThan(0);
    expect(scan.text).not.toMatch(SECRET_VALUE);
    const one = await callAs(itemRoute.GET, VIEWER, `/api/tables/${TABLE}/item?key=${encodeURIComponent(keyJson)}`, { table: TABLE });
    expect(one.status, one.text).toBe(200);
    expect((JSON.parse(one.text) as ItemResponse).item.email).toMatchObject({ REDACTED: "S" });
    expect(one.text).not.toMatch(SECRET_VALUE);
    const partitions = await callAs(partitionsRoute.GET, VIEWER, `/api/tables/${TABLE}/partitions`, { table: TABLE });
    expect(partitions.status, partitions.text).toBe(200);
    expect(partitions.text).not.toMatch(SECRET_VALUE);
  });

  it("cannot read an index keyed on a masked attribute, or filter and count by one", async () => {
    const byEmail = await items(VIEWER, `index=ByEmail&pk=${encodeURIComponent("secret-mail-1@example.com")}`);
    expect(byEmail.status).toBe(403);
    expect(JSON.parse(byEmail.text)).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/hidden from viewers/) } });
    const partitions = await callAs(partitionsRoute.GET, VIEWER, `/api/tables/${TABLE}/partitions?index=ByEmail`, { table: TABLE });
    expect(partitions.status).toBe(403);
    expect(partitions.text).not.toMatch(SECRET_VALUE);
    const filtered = await items(VIEWER, `pk=${BIG_TENANT}&filterAttr=email&filterOp=begins_with&filterValue=secret`);
    expect(filtered.status).toBe(403);
    const count = await callAs(countRoute.GET, VIEWER, `/api/tables/${TABLE}/count?pk=${BIG_TENANT}&filterAttr=fullName&filterOp=contains&filterValue=1`, { table: TABLE });
    expect(count.status).toBe(403);
    // Filtering on a visible attribute still works.
    expect((await items(VIEWER, `pk=${BIG_TENANT}&filterAttr=plan&filterOp==&filterValue=gold`)).status).toBe(200);
  });

  it("is refused raw export with a clear 403", async () => {
    for (const source of ["query", "scan"]) {
      const { status, headers, text } = await callAs(exportRoute.GET, VIEWER, `/api/tables/${TABLE}/export?source=${source}&pk=${BIG_TENANT}`, { table: TABLE });
      expect(status).toBe(403);
      expect(headers.get("cache-control")).toBe("no-store");
      expect(JSON.parse(text)).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/engineers/) } });
    }
  });

  it("sees job results with key digests instead of keys", async () => {
    const sample = await callAs(jobRoute.GET, VIEWER, `/api/jobs/${sampleId}`, { id: sampleId });
    expect(sample.status).toBe(200);
    expect(sample.text).not.toMatch(KEY_PATTERN);
    const result = (JSON.parse(sample.text) as { job: { result: KeySampleResult } }).job.result;
    expect(result.topByItems[0]?.key).toEqual({ REDACTED: "S", bytes: BIG_TENANT.length, digest: expect.stringMatching(/^#[0-9a-f]{10}$/) });
    const latest = await callAs(jobsRoute.GET, VIEWER, `/api/tables/${TABLE}/jobs?kind=key-sample`, { table: TABLE });
    expect(latest.text).not.toMatch(KEY_PATTERN);
    const audit = await callAs(jobRoute.GET, VIEWER, `/api/jobs/${auditId}`, { id: auditId });
    expect(audit.text).not.toMatch(KEY_PATTERN);
    expect(audit.text).not.toMatch(SECRET_VALUE);
    const auditResult = (JSON.parse(audit.text) as { job: { result: SizeAuditResult } }).job.result;
    expect(auditResult.largest.length).toBeGreaterThan(0);
    expect(auditResult.largest[0]?.key.tenant).toMatchObject({ REDACTED: "S", digest: expect.stringMatching(/^#/) });
    // The flag tells the page not to link digests, which would open nothing.
    expect((JSON.parse(sample.text) as { job: { keysDigested?: boolean } }).job.keysDigested).toBe(true);
    expect((JSON.parse(audit.text) as { job: { keysDigested?: boolean } }).job.keysDigested).toBe(true);
  });

  it("cannot start or cancel a job, which would spend the table's read capacity", async () => {
    const before = await callAs(jobsRoute.GET, VIEWER, `/api/tables/${TABLE}/jobs?kind=size-audit`, { table: TABLE });
    for (const kind of ["key-sample", "size-audit"]) {
      const started = await callAs(jobsRoute.POST, VIEWER, `/api/tables/${TABLE}/jobs`, { table: TABLE }, { method: "POST", body: JSON.stringify({ kind, ...jobBody }) });
      expect(started.status).toBe(403);
      expect(JSON.parse(started.text)).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/engineers/) } });
    }
    const cancelled = await callAs(jobRoute.DELETE, VIEWER, `/api/jobs/${auditId}`, { id: auditId });
    expect(cancelled.status).toBe(403);
    // Nothing changed: the latest audit is still the engineer's.
    const after = await callAs(jobsRoute.GET, VIEWER, `/api/tables/${TABLE}/jobs?kind=size-audit`, { table: TABLE });
    expect(after.text).toBe(before.text);
  });

  it("sees verdicts with key digests, and no links to partitions or items a digest cannot open", async () => {
    const { status, text } = await callAs(diagnosisRoute.GET, VIEWER, `/api/tables/${TABLE}/diagnosis?range=1h`, { table: TABLE });
    expect(status, text).toBe(200);
    expect(text).not.toMatch(KEY_PATTERN);
    expect(text).not.toMatch(SECRET_VALUE);
    const body = JSON.parse(text) as DiagnosisResponse;
    expect(body.keysDigested).toBe(true);
    const skew = body.verdicts.find((verdict) => verdict.kind === "storage-skew");
    expect(skew?.key).toMatch(/^#[0-9a-f]{10}$/);
    const links = body.verdicts.flatMap((verdict) => verdict.evidence.flatMap((evidence) => (evidence.link ? [evidence.link.kind] : [])));
    expect(links.filter((kind) => kind !== "chart")).toEqual([]);
  });
});

describe("an engineer", () => {
  it("sees every value, and can export", async () => {
    const { text } = await items(ENGINEER);
    expect(text).toMatch(/secret-mail-/);
    expect(text).toMatch(/secret-friend-/);
    expect((await items(ENGINEER, `index=ByEmail&pk=${encodeURIComponent("secret-mail-1@example.com")}`)).status).toBe(200);
    const exported = await exportRoute.GET(new Request(`http://localhost/api/tables/${TABLE}/export?pk=${BIG_TENANT}`, { headers: ENGINEER }), { params: Promise.resolve({ table: TABLE }) });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("cache-control")).toBe("no-store");
    expect(await exported.text()).toMatch(/secret-contact-/);
  });

  it("sees the keys in job results and verdicts", async () => {
    expect((await callAs(jobRoute.GET, ENGINEER, `/api/jobs/${sampleId}`, { id: sampleId })).text).toMatch(KEY_PATTERN);
    expect((await callAs(jobRoute.GET, ENGINEER, `/api/jobs/${auditId}`, { id: auditId })).text).toMatch(KEY_PATTERN);
    const diagnosis = await callAs(diagnosisRoute.GET, ENGINEER, `/api/tables/${TABLE}/diagnosis?range=1h`, { table: TABLE });
    expect(diagnosis.text).toMatch(KEY_PATTERN);
    const body = JSON.parse(diagnosis.text) as DiagnosisResponse;
    expect(body.keysDigested).toBe(false);
    const links = body.verdicts.flatMap((verdict) => verdict.evidence.flatMap((evidence) => (evidence.link ? [evidence.link] : [])));
    expect(links).toContainEqual({ kind: "partition", index: null, key: BIG_TENANT });
  });
});
