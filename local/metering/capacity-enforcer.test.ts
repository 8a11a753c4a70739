import { describe, expect, it } from "vitest";
import { CapacityEnforcer, DEFAULT_ENFORCER_CONFIG } from "./capacity-enforcer";
import type { TableConsumption } from "./consumed-capacity";
import type { MeteredOperation } from "./operations";
import type { TableCapacityModel } from "./table-catalog";

const arn = "arn:aws:dynamodb:ddblocal:000000000000:table/Shop";
const shop: TableCapacityModel = {
  name: "Shop",
  arn,
  partitionKey: "PK",
  sortKey: "SK",
  billingMode: "PROVISIONED",
  provisioned: { read: 100, write: 50 },
  onDemandMax: null,
  gsis: [{ name: "GSI1", arn: `${arn}/index/GSI1`, partitionKey: "GSI1PK", sortKey: null, provisioned: { read: 20, write: 5 }, onDemandMax: null }],
};
const events: TableCapacityModel = {
  ...shop,
  name: "Events",
  arn: "arn:events",
  billingMode: "PAY_PER_REQUEST",
  provisioned: null,
  onDemandMax: { read: 40, write: null },
  gsis: [],
};
const models = new Map([
  ["Shop", shop],
  ["Events", events],
]);

const put = (pk: string, gsisWritten: string[] | null = []): MeteredOperation => ({
  operation: "PutItem",
  kind: "write",
  accesses: [{ table: "Shop", index: null, keys: [{ pk, sk: null }], gsisWritten }],
});
const consumed = (table: string, tableUnits: number, gsi: Array<[string, number]> = []): TableConsumption[] => [
  { table, total: tableUnits + gsi.reduce((sum, [, units]) => sum + units, 0), tableUnits, gsiUnits: new Map(gsi) },
];

describe("CapacityEnforcer", () => {
  it("throttles a hot partition key while the table still has capacity", () => {
    let now = 0;
    const enforcer = new CapacityEnforcer({ ...DEFAULT_ENFORCER_CONFIG, capacityScale: 0.01 }, () => now); // key cap: 10 WCU/s
    enforcer.charge(put("HOT"), consumed("Shop", 12), models);
    expect(enforcer.check(put("HOT"), models)).toEqual({
      cause: "KeyRange",
      kind: "write",
      table: "Shop",
      index: null,
      reason: "TableWriteKeyRangeThroughputExceeded",
      resource: arn,
      partitionKey: "HOT",
      onDemand: false,
    });
    expect(enforcer.check(put("COLD"), models)).toBeNull();
    now = 1_000;
    expect(enforcer.check(put("HOT"), models)).toBeNull();
  });

  it("throttles the table when provisioned capacity and burst are spent", () => {
    let now = 0;
    const enforcer = new CapacityEnforcer(DEFAULT_ENFORCER_CONFIG, () => now);
    for (let i = 0; i < 60; i++) enforcer.charge(put(`k${i}`), consumed("Shop", 1), models);
    expect(enforcer.check(put("another"), models)).toMatchObject({ cause: "Provisioned", reason: "TableWriteProvisionedThroughputExceeded", resource: arn });
    now = 10_000; // ten idle seconds save up 500 units of burst
    expect(enforcer.check(put("another"), models)).toBeNull();
  });

  it("throttles base-table writes that must update an exhausted GSI, naming the index", () => {
    const enforcer = new CapacityEnforcer(DEFAULT_ENFORCER_CONFIG, () => 0);
    enforcer.charge(put("a", ["GSI1"]), consumed("Shop", 1, [["GSI1", 8]]), models);
    expect(enforcer.check(put("b", ["GSI1"]), models)).toMatchObject({
      cause: "Provisioned",
      index: "GSI1",
      reason: "IndexWriteProvisionedThroughputExceeded",
      resource: `${arn}/index/GSI1`,
    });
    // An item without the GSI's key does not update the index, so it is not held back.
    expect(enforcer.check(put("c", []), models)).toBeNull();
    expect(enforcer.check(put("d", null), models)).toMatchObject({ index: "GSI1" });
  });

  it("enforces the on-demand maximum and the scaled account limit", () => {
    const enforcer = new CapacityEnforcer({ ...DEFAULT_ENFORCER_CONFIG, capacityScale: 0.001 }, () => 0); // account: 40 units/s
    const read: MeteredOperation = { operation: "Scan", kind: "read", accesses: [{ table: "Events", index: null, keys: [] }] };
    enforcer.charge(read, consumed("Events", 41), models);
    expect(enforcer.check(read, models)).toMatchObject({ cause: "MaxOnDemand", reason: "TableReadMaxOnDemandThroughputExceeded" });
    const write: MeteredOperation = { operation: "PutItem", kind: "write", accesses: [{ table: "Events", index: null, keys: [], gsisWritten: [] }] };
    enforcer.charge(write, consumed("Events", 41), models);
    expect(enforcer.check(write, models)).toMatchObject({ cause: "AccountLimit", reason: "TableWriteAccountLimitExceeded" });
  });

  it("meters GSI queries against the index and its own key buckets", () => {
    const enforcer = new CapacityEnforcer({ ...DEFAULT_ENFORCER_CONFIG, capacityScale: 0.001 }, () => 0); // key cap: 3 RCU/s
    const query: MeteredOperation = { operation: "Query", kind: "read", accesses: [{ table: "Shop", index: "GSI1", keys: [{ pk: "STATUS#PAID", sk: null }] }] };
    enforcer.charge(query, consumed("Shop", 0, [["GSI1", 4]]), models);
    expect(enforcer.check(query, models)).toMatchObject({ cause: "KeyRange", reason: "IndexReadKeyRangeThroughputExceeded", index: "GSI1", partitionKey: "STATUS#PAID" });
  });
});

describe("CapacityEnforcer with enforcement off", () => {
  it("meters but never throttles", () => {
    const enforcer = new CapacityEnforcer({ ...DEFAULT_ENFORCER_CONFIG, capacityScale: 0.001, enforce: false }, () => 0);
    enforcer.charge(put("HOT"), consumed("Shop", 1_000), models);
    expect(enforcer.check(put("HOT"), models)).toBeNull();
  });
});
