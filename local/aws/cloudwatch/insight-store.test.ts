import { describe, expect, it } from "vitest";
import type { InsightReportRequest } from "./insight-report";
import { parseRuleDefinition } from "./insight-rule-definition";
import { INSIGHT_RETENTION_MS, InsightStore, type InsightRuleDefinition } from "./insight-store";

const BASE = Date.UTC(2026, 0, 10, 12);
const MINUTE = 60_000;

const sumRule: InsightRuleDefinition = {
  name: "sum-rule",
  state: "ENABLED",
  schema: '{"Name": "CloudWatchLogRule", "Version": 1}',
  definition: JSON.stringify({
    Schema: { Name: "CloudWatchLogRule", Version: 1 },
    Contribution: { Keys: ["$.pk", "$.sk"], ValueOf: "$.units" },
    AggregateOn: "Sum",
  }),
  managedRule: false,
};

function request(overrides: Partial<InsightReportRequest> = {}): InsightReportRequest {
  return { startMs: BASE, endMs: BASE + 10 * MINUTE, periodSeconds: 60, maxContributorCount: 10, orderBy: "Sum", metrics: [], ...overrides };
}

describe("parseRuleDefinition", () => {
  it("reads keys and the aggregation from the rule syntax", () => {
    expect(parseRuleDefinition(sumRule.definition)).toEqual({ keyLabels: ["$.pk", "$.sk"], aggregateOn: "Sum" });
    expect(parseRuleDefinition('{"AggregateOn":"Count","Contribution":{"Keys":["$.ip"]}}')).toEqual({ keyLabels: ["$.ip"], aggregateOn: "Count" });
  });

  it("defaults sensibly for partial or foreign definitions", () => {
    expect(parseRuleDefinition('{"Contribution":{"Keys":["k"]}}')).toEqual({ keyLabels: ["k"], aggregateOn: "Count" });
    expect(parseRuleDefinition('{"Contribution":{"Keys":["k"],"ValueOf":"v"}}')).toEqual({ keyLabels: ["k"], aggregateOn: "Sum" });
    expect(parseRuleDefinition("not json")).toEqual({ keyLabels: undefined, aggregateOn: "Sum" });
    expect(parseRuleDefinition('{"Contribution":"odd"}')).toEqual({ keyLabels: undefined, aggregateOn: "Sum" });
  });
});

describe("InsightStore", () => {
  it("ranks contributors, caps them and reports per-period datapoints", () => {
    const store = new InsightStore();
    store.defineRule(sumRule);
    const add = (keys: string[], minute: number, value: number) =>
      store.addSample({ ruleName: "sum-rule", keys, timestampMs: BASE + minute * MINUTE + 1_000, value });
    add(["a", "1"], 0, 5);
    add(["a", "1"], 0, 5);
    add(["a", "1"], 1, 3);
    add(["b", "1"], 0, 20);
    add(["c", "2"], 1, 4);
    add(["a", "1"], 12, 100); // outside the range

    const report = store.report("sum-rule", request({ maxContributorCount: 2, metrics: ["UniqueContributors", "Sum", "Maximum"] }));
    expect(report).toMatchObject({ keyLabels: ["$.pk", "$.sk"], aggregationStatistic: "Sum", aggregateValue: 37, approximateUniqueCount: 3 });
    expect(report?.contributors).toEqual([
      { keys: ["b", "1"], approximateAggregateValue: 20, datapoints: [{ timestampMs: BASE, approximateValue: 20 }] },
      {
        keys: ["a", "1"],
        approximateAggregateValue: 13,
        datapoints: [
          { timestampMs: BASE, approximateValue: 10 },
          { timestampMs: BASE + MINUTE, approximateValue: 3 },
        ],
      },
    ]);
    expect(report?.metricDatapoints).toEqual([
      { timestampMs: BASE, UniqueContributors: 2, Sum: 30, Maximum: 20 },
      { timestampMs: BASE + MINUTE, UniqueContributors: 2, Sum: 7, Maximum: 4 },
    ]);
    expect(store.report("sum-rule", request({ orderBy: "Maximum" }))?.contributors.map((c) => c.approximateAggregateValue)).toEqual([20, 10, 4]);
    expect(store.report("missing", request())).toBeUndefined();
  });

  it("counts events for a Count rule and ignores samples while a rule is disabled", () => {
    const store = new InsightStore();
    store.defineRule({ ...sumRule, name: "count-rule", definition: '{"AggregateOn":"Count","Contribution":{"Keys":["$.pk"]}}' });
    for (const value of [7, 7, 7]) store.addSample({ ruleName: "count-rule", keys: ["x"], timestampMs: BASE, value });
    expect(store.report("count-rule", request())?.contributors).toEqual([
      { keys: ["x"], approximateAggregateValue: 3, datapoints: [{ timestampMs: BASE, approximateValue: 3 }] },
    ]);
    store.defineRule({ ...sumRule, name: "count-rule", state: "DISABLED", definition: '{"AggregateOn":"Count"}' });
    expect(store.addSample({ ruleName: "count-rule", keys: ["y"], timestampMs: BASE, value: 1 })).toBe(false);
    expect(store.report("count-rule", request())).toMatchObject({ keyLabels: ["Key1"], approximateUniqueCount: 1 });
    expect(() => store.addSample({ ruleName: "nope", keys: ["x"], timestampMs: BASE, value: 1 })).toThrow(/does not exist/);
  });

  it("drops data after the retention period and survives an export and import", () => {
    const store = new InsightStore();
    store.defineRule(sumRule);
    store.addSample({ ruleName: "sum-rule", keys: ["a", "1"], timestampMs: BASE, value: 2 });
    store.addSample({ ruleName: "sum-rule", keys: ["a", "1"], timestampMs: BASE + 5 * MINUTE, value: 3 });
    const copy = new InsightStore();
    copy.importState(JSON.parse(JSON.stringify(store.exportState())));
    expect(copy.report("sum-rule", request())).toEqual(store.report("sum-rule", request()));
    expect(copy.listRules()).toEqual([sumRule]);
    copy.prune(BASE + INSIGHT_RETENTION_MS + MINUTE);
    expect(copy.report("sum-rule", request())?.aggregateValue).toBe(3);
  });
});
