import { describe, expect, it } from "vitest";
import type { IndexDetail, TableDetail } from "./table-detail";
import { tableHealth } from "./table-health";

const index = (name: string, overrides: Partial<IndexDetail> = {}): IndexDetail => ({
  name,
  kind: "GSI",
  keys: { partitionKey: { name: "g", type: "S" }, sortKey: null },
  projection: { type: "ALL", nonKeyAttributes: [] },
  status: "ACTIVE",
  backfilling: false,
  provisioned: null,
  onDemandMax: null,
  itemCount: null,
  sizeBytes: null,
  ...overrides,
});

const table = (overrides: Partial<TableDetail> = {}): TableDetail => ({
  name: "Shop",
  arn: null,
  status: "ACTIVE",
  createdAt: null,
  billingMode: "PROVISIONED",
  provisioned: { read: 1, write: 1 },
  onDemandMax: null,
  itemCount: 0,
  sizeBytes: 0,
  keys: { partitionKey: { name: "PK", type: "S" }, sortKey: null },
  gsis: [],
  lsis: [],
  ttl: null,
  stream: { enabled: false, viewType: null, arn: null, label: null },
  deletionProtection: false,
  tableClass: "STANDARD",
  replicas: [],
  globalTableVersion: null,
  encryption: "AWS owned key",
  ...overrides,
});

describe("tableHealth", () => {
  it("says a healthy table is healthy, counting its indexes", () => {
    expect(tableHealth(table())).toEqual({ ok: true, text: "Shop is active and it has no secondary indexes." });
    expect(tableHealth(table({ gsis: [index("A")] }))).toEqual({ ok: true, text: "Shop is active and its index is active." });
    expect(tableHealth(table({ gsis: [index("A")], lsis: [index("L", { kind: "LSI", status: null })] })).text).toBe(
      "Shop is active and all 2 indexes are active.",
    );
  });

  it("names every problem", () => {
    const health = tableHealth(table({ status: "UPDATING", gsis: [index("GSI1", { status: "CREATING", backfilling: true })] }));
    expect(health.ok).toBe(false);
    expect(health.text).toBe("The table is updating; index GSI1 is creating; index GSI1 is still backfilling and cannot be queried yet.");
  });
});
