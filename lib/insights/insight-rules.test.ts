import { describe, expect, it } from "vitest";
import { howToEnable, partitionCapShare, ruleKindOf, throttledRuleOf, toContributor } from "./insight-rules";

describe("insight rules", () => {
  it("reads the rule kind from DynamoDB's rule names", () => {
    expect(ruleKindOf("DynamoDBContributorInsights-PKC-Orders-1700000000000")).toBe("PKC");
    expect(ruleKindOf("DynamoDBContributorInsights-SKT-Orders-ByTenant-1700000000000")).toBe("SKT");
    expect(ruleKindOf("my-own-rule")).toBeNull();
    expect(throttledRuleOf("PKC")).toBe("PKT");
    expect(throttledRuleOf("SKC")).toBe("SKT");
    expect(throttledRuleOf("PKT")).toBeNull();
  });

  it("compares a peak minute with the per-partition cap: 3,000 RCU or 1,000 WCU (3,000 units) per second", () => {
    // 90,000 units in a minute: 1,500 units/s, half of either cap.
    expect(partitionCapShare(90_000)).toEqual({ peakUnitsPerSecond: 1_500, readCapPercent: 50, writeCapPercent: 50 });
  });

  it("turns a contributor's datapoints into per-minute values and finds its peak", () => {
    const fiveMinutes = toContributor({ keys: ["hot"], total: 600, datapoints: [{ t: 600_000, value: 100 }, { t: 300_000, value: 500 }] }, 300, true);
    expect(fiveMinutes).toEqual({
      keys: ["hot"],
      total: 600,
      peakPerMinute: 100,
      peakAt: 300_000,
      datapoints: [{ t: 300_000, v: 100 }, { t: 600_000, v: 20 }],
      partitionCap: partitionCapShare(100),
      throttled: null,
    });
    const throttled = toContributor({ keys: ["hot"], total: 0, datapoints: [] }, 60, false);
    expect(throttled).toMatchObject({ peakPerMinute: 0, peakAt: null, partitionCap: null });
  });

  it("gives the CLI command for a table and for a GSI, with the cost note", () => {
    expect(howToEnable("Orders", null).cli).toBe("aws dynamodb update-contributor-insights --table-name Orders --contributor-insights-action ENABLE");
    expect(howToEnable("Orders", "ByTenant").cli).toBe("aws dynamodb update-contributor-insights --table-name Orders --index-name ByTenant --contributor-insights-action ENABLE");
    expect(howToEnable("Orders", null).costNote).toMatch(/CloudWatch bills it/);
    expect(howToEnable("Orders", "ByTenant").wouldShow).toMatch(/index ByTenant of table Orders/);
  });
});
