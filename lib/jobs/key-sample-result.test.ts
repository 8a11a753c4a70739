import { describe, expect, it } from "vitest";
import { KeySkewAggregator } from "./key-skew-aggregator";
import { keySampleResult, type KeySampleContext } from "./key-sample-result";

const context = (overrides: Partial<KeySampleContext> = {}): KeySampleContext => ({
  mode: "full",
  index: null,
  partitionKey: "pk",
  sampling: "full-scan",
  scan: { itemsRead: 3, rcuUsed: 0.5, pagesRead: 1, maxPageRcu: 0.5, stopReason: "end" },
  rcuBudget: 10,
  rateLimit: { rcuPerSecond: 25, source: "on-demand-default" },
  coverage: { itemCount: 4, of: "table" },
  warnings: [],
  ...overrides,
});

function summary() {
  const aggregator = new KeySkewAggregator();
  for (const id of ["Sa", "Sa", "Sb"]) aggregator.add(id, 10);
  return aggregator.summary();
}

describe("keySampleResult", () => {
  it("labels the result as storage skew, with coverage against ItemCount", () => {
    const result = keySampleResult(summary(), context());
    expect(result).toMatchObject({ skew: "storage", complete: true, sampleSize: 3, itemsRead: 3, rcuBudget: 10 });
    expect(result.coverage).toEqual({ itemsScanned: 3, itemCount: 4, fraction: 0.75, of: "table", approximate: true });
    expect(result.notes[0]).toMatch(/^Storage skew: how items and bytes are spread over partition key pk as stored\. It says nothing about which keys are read/);
    expect(result.notes[1]).toBe("Based on a full scan of 3 items.");
  });

  it("says what a sample of whole keys can miss, and why a read stopped", () => {
    const result = keySampleResult(summary(), context({ mode: "sample", sampling: "whole-keys", scan: { itemsRead: 3, rcuUsed: 1, pagesRead: 1, maxPageRcu: 1, stopReason: "throttled" } }));
    expect(result.complete).toBe(false);
    expect(result.notes[1]).toMatch(/the table's largest keys may not be among them/);
    expect(result.notes[2]).toMatch(/^The read stopped early because DynamoDB throttled it/);
  });

  it("carries the COUNT confirmation and says how far it got", () => {
    const confirmation = { candidates: 3, confirmed: 2, queries: 5, rcuUsed: 12.25, stopReason: "budget" as const, keys: [] };
    const result = keySampleResult(summary(), context({ mode: "sample", sampling: "spread", index: "ByG", confirmation }));
    expect(result.confirmation).toBe(confirmation);
    expect(result.notes).toContain("Then 2 of 3 keys with the largest estimates were counted exactly with COUNT queries (5 queries, 12.3 RCU); 1 was not finished before the budget ran out.");
    expect(keySampleResult(summary(), context()).confirmation).toBeNull();
  });

  it("caps coverage at 1 and leaves it unknown without an ItemCount", () => {
    expect(keySampleResult(summary(), context({ coverage: { itemCount: 2, of: "index" } })).coverage.fraction).toBe(1);
    expect(keySampleResult(summary(), context({ coverage: { itemCount: null, of: "table" } })).coverage.fraction).toBeNull();
  });
});
