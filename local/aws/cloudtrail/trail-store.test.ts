import { describe, expect, it } from "vitest";
import { iamUserIdentity } from "./identities";
import type { ManagementCall } from "./trail-event";
import { MAX_EVENTS_PER_TENANT, RETENTION_MS, TrailStore } from "./trail-store";

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const TENANT = { accountId: "111111111111", region: "us-east-1" };

const call = (eventName: string, atMs: number, table = "Shop"): ManagementCall => ({
  eventSource: "dynamodb.amazonaws.com",
  eventName,
  atMs,
  identity: iamUserIdentity("local", TENANT.accountId),
  request: { TableName: table },
  response: null,
  readOnly: false,
  resources: [{ type: "AWS::DynamoDB::Table", name: table }],
});

describe("the trail store", () => {
  it("keeps events newest first, even when a simulated clock records them out of order, and the latest first on a tie", () => {
    const store = new TrailStore(() => NOW);
    for (const [name, minutesAgo] of [["A", 5], ["B", 1], ["C", 9], ["D", 1]] as const) store.record(TENANT, call(name, NOW - minutesAgo * 60_000));
    expect(store.lookup(TENANT, {}, 50).events.map((event) => event.eventName)).toEqual(["D", "B", "A", "C"]);
  });

  it("pages from a position without repeating or skipping, also when newer events arrive in between", () => {
    const store = new TrailStore(() => NOW);
    for (let minute = 0; minute < 10; minute++) store.record(TENANT, call(`E${minute}`, NOW - minute * 60_000));
    const first = store.lookup(TENANT, {}, 4);
    expect(first.events.map((event) => event.eventName)).toEqual(["E0", "E1", "E2", "E3"]);
    store.record(TENANT, call("Newer", NOW));
    const second = store.lookup(TENANT, {}, 4, first.next);
    expect(second.events.map((event) => event.eventName)).toEqual(["E4", "E5", "E6", "E7"]);
    const last = store.lookup(TENANT, {}, 4, second.next);
    expect(last.events.map((event) => event.eventName)).toEqual(["E8", "E9"]);
    expect(last.next).toBeUndefined();
  });

  it("filters by attribute and inclusive time range, and by tenant", () => {
    const store = new TrailStore(() => NOW);
    store.record(TENANT, call("UpdateTable", NOW - 60_000, "Sessions"));
    store.record(TENANT, call("UpdateTable", NOW - 120_000, "Shop"));
    store.record({ ...TENANT, region: "eu-west-1" }, call("UpdateTable", NOW - 60_000, "Sessions"));
    const names = (filter: Parameters<TrailStore["lookup"]>[1]) => store.lookup(TENANT, filter, 50).events.map((event) => event.resources[0]?.name);
    expect(names({ attribute: { key: "ResourceName", value: "Sessions" } })).toEqual(["Sessions"]);
    expect(names({ startMs: NOW - 120_000, endMs: NOW - 120_000 })).toEqual(["Shop"]);
    expect(names({ startMs: NOW - 60_000 })).toEqual(["Sessions"]);
    expect(store.size({ ...TENANT, region: "eu-west-1" })).toBe(1);
  });

  it("forgets events older than 90 days, and keeps at most its bound per tenant", () => {
    let now = NOW;
    const store = new TrailStore(() => now);
    store.record(TENANT, call("Old", NOW - RETENTION_MS + 60_000));
    store.record(TENANT, call("Recent", NOW));
    expect(store.lookup(TENANT, {}, 50).events).toHaveLength(2);
    now = NOW + 120_000;
    expect(store.lookup(TENANT, {}, 50).events.map((event) => event.eventName)).toEqual(["Recent"]);
    for (let index = 0; index < MAX_EVENTS_PER_TENANT + 5; index++) store.record(TENANT, call(`N${index}`, NOW + index));
    expect(store.size(TENANT)).toBe(MAX_EVENTS_PER_TENANT);
    expect(store.lookup(TENANT, {}, 1).events[0]?.eventName).toBe(`N${MAX_EVENTS_PER_TENANT + 4}`);
  });
});
