import { describe, expect, it } from "vitest";
import type { IndexDetail, TableDetail } from "@/lib/tables/table-detail";
import type { KeySampleRequest } from "./job-types";
import { planKeySample } from "./key-sample-plan";
import { defaultKeySampleRate } from "./key-sample-rate";

const gsi = (name: string, projection: IndexDetail["projection"], read: number | null): IndexDetail => ({
  name,
  kind: "GSI",
  keys: { partitionKey: { name: "tenant", type: "S" }, sortKey: { name: "at", type: "N" } },
  projection,
  status: "ACTIVE",
  backfilling: false,
  provisioned: read === null ? null : { read, write: 5 },
  onDemandMax: null,
  itemCount: 900,
  sizeBytes: 1_000,
});

const table = (overrides: Partial<TableDetail> = {}): TableDetail => ({
  name: "Orders",
  arn: null,
  status: "ACTIVE",
  createdAt: null,
  billingMode: "PROVISIONED",
  provisioned: { read: 400, write: 100 },
  onDemandMax: null,
  itemCount: 1_000,
  sizeBytes: 100_000,
  keys: { partitionKey: { name: "id", type: "S" }, sortKey: { name: "line", type: "N" } },
  gsis: [gsi("ByTenant", { type: "INCLUDE", nonKeyAttributes: ["total"] }, 30)],
  lsis: [{ ...gsi("ByDate", { type: "ALL", nonKeyAttributes: [] }, null), kind: "LSI" }],
  ttl: null,
  stream: { enabled: false, viewType: null, arn: null, label: null },
  deletionProtection: false,
  tableClass: "STANDARD",
  replicas: [],
  globalTableVersion: null,
  encryption: "DEFAULT",
  ...overrides,
});

const request = (overrides: Partial<KeySampleRequest> = {}): KeySampleRequest => ({ kind: "key-sample", mode: "full", rcuBudget: 100, segments: 2, ...overrides });

describe("defaultKeySampleRate", () => {
  it("takes 10% of provisioned reads (at least 1), or 25 RCU/s on demand", () => {
    expect(defaultKeySampleRate(400)).toEqual({ rcuPerSecond: 40, source: "provisioned-share" });
    expect(defaultKeySampleRate(5)).toEqual({ rcuPerSecond: 1, source: "provisioned-share" });
    expect(defaultKeySampleRate(null)).toEqual({ rcuPerSecond: 25, source: "on-demand-default" });
  });
});

describe("planKeySample", () => {
  it("reads the table for its own key: whole keys in a sample, everything in a full scan", () => {
    const full = planKeySample(table(), request());
    expect(full).toMatchObject({ scanIndex: null, partitionKey: "id", sampling: "full-scan", rateLimit: { rcuPerSecond: 40, source: "provisioned-share" }, coverage: { itemCount: 1_000, of: "table" } });
    expect(planKeySample(table(), request({ mode: "sample", sampleSize: 10 })).sampling).toBe("whole-keys");
    const item = { id: { S: "a" } };
    expect(full.entryOf(item)).toBe(item);
  });

  it("keeps a requested rate, and uses the on-demand default", () => {
    expect(planKeySample(table(), request({ rcuPerSecond: 7 })).rateLimit).toEqual({ rcuPerSecond: 7, source: "request" });
    expect(planKeySample(table({ billingMode: "PAY_PER_REQUEST", provisioned: null }), request()).rateLimit.source).toBe("on-demand-default");
  });

  it("scans a GSI itself in full mode, at a share of the GSI's capacity", () => {
    expect(planKeySample(table(), request({ index: "ByTenant" }))).toMatchObject({
      scanIndex: "ByTenant",
      partitionKey: "tenant",
      sampling: "full-scan",
      rateLimit: { rcuPerSecond: 3 },
      coverage: { itemCount: 900, of: "index" },
    });
  });

  it("samples a GSI's keys from the base table, projecting each item as the index stores it", () => {
    const plan = planKeySample(table(), request({ mode: "sample", sampleSize: 100, index: "ByTenant" }));
    expect(plan).toMatchObject({ scanIndex: null, partitionKey: "tenant", sampling: "spread", rateLimit: { rcuPerSecond: 40 }, coverage: { of: "table" } });
    const item = { id: { S: "o1" }, line: { N: "1" }, tenant: { S: "acme" }, at: { N: "5" }, total: { N: "9" }, notes: { S: "long text" } };
    expect(plan.entryOf(item)).toEqual({ id: { S: "o1" }, line: { N: "1" }, tenant: { S: "acme" }, at: { N: "5" }, total: { N: "9" } });
    expect(plan.entryOf({ id: { S: "o2" }, line: { N: "1" }, tenant: { S: "acme" } })).toBeNull();
  });

  it("refuses an LSI and an unknown index with a 400 that says why", () => {
    expect(() => planKeySample(table(), request({ index: "ByDate" }))).toThrow(/local secondary index; it shares the table's partition key/);
    expect(() => planKeySample(table(), request({ index: "Nope" }))).toThrow(expect.objectContaining({ code: "BAD_REQUEST", message: 'index: table "Orders" has no global secondary index "Nope".' }));
  });
});
