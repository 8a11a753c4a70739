import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import { at, diagnosisInput, every, metricsFor, range, scanHeavyInput, tableDetail, type SeriesValues } from "./test-fixtures";

const requests = (operation: "Scan" | "Query" | "GetItem", values: Array<number | null>): SeriesValues => ({ metric: "SuccessfulRequestLatency", stat: "SampleCount", operation, perSecond: false, values });

describe("scan-heavy", () => {
  it("reports Scan's share of read requests and returned items, items per Scan, and when Scans ran", () => {
    const verdicts = diagnose(scanHeavyInput());
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["scan-heavy"]);
    const [verdict] = verdicts;
    expect(verdict?.severity).toBe("warning");
    const labels = verdict?.evidence.map((entry) => entry.label) ?? [];
    expect(labels[0]).toBe("Scan made 11% of read requests between 14:00 and 15:00 UTC (432 of 4,032: Scan 432, Query 3,600; SampleCount of SuccessfulRequestLatency)");
    expect(labels[1]).toBe("Scan returned 75% of the items read between 14:00 and 15:00 UTC (216,000 of 288,000), 500 items per Scan request on average");
    // Six two-minute bursts; the three listed are the busiest (ties in time order), the rest counted in the suggestion.
    expect(verdict?.evidence.slice(2, 5).map((entry) => entry.window)).toEqual([0, 10, 20].map((minute) => ({ start: Date.UTC(2025, 2, 3, 14, minute), end: Date.UTC(2025, 2, 3, 14, minute + 2) })));
    expect(labels[2]).toBe("72 Scan requests between 14:00 and 14:02 UTC, when Scans ran at half their peak rate or more");
    expect(labels[5]).toBe("Consumed reads averaged 400 RRU/s while Scans were busy and 1 RRU/s otherwise, between 14:00 and 15:00 UTC");
    expect(verdict?.suggestion).toContain("and 3 more busy stretches");
    expect(verdict?.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "table/op:Scan/SuccessfulRequestLatency/SampleCount/per_second" });
    expect(verdict?.evidence[1]?.link).toEqual({ kind: "chart", seriesId: "table/op:Scan/ReturnedItemCount/Sum" });
  });

  it("fires on the share of requests alone, without returned-item data", () => {
    const table = tableDetail();
    const metrics = metricsFor(table, [{ metric: "ConsumedReadCapacityUnits", values: every(100) }, requests("Scan", at(range(30, 40), 50)), requests("Query", every(10))]);
    const [verdict] = diagnose(diagnosisInput({ table, metrics }));
    expect(verdict?.kind).toBe("scan-heavy");
    expect(verdict?.evidence[0]?.label).toContain("Scan made 45% of read requests");
    expect(verdict?.evidence.some((entry) => entry.metric === "ReturnedItemCount")).toBe(false);
    expect(verdict?.evidence[1]?.window).toEqual({ start: Date.UTC(2025, 2, 3, 14, 30), end: Date.UTC(2025, 2, 3, 14, 40) });
  });

  it("stays quiet for a few Scans, or Scans that are a small share of reads and items", () => {
    const table = tableDetail();
    const few = metricsFor(table, [{ metric: "ConsumedReadCapacityUnits", values: every(100) }, requests("Scan", at([3], 9)), requests("Query", at([3], 1))]);
    expect(diagnose(diagnosisInput({ table, metrics: few })).map((verdict) => verdict.kind)).toEqual(["healthy"]);
    const small = metricsFor(table, [
      { metric: "ConsumedReadCapacityUnits", values: every(100) },
      requests("Scan", every(1)),
      requests("GetItem", every(100)),
      { metric: "ReturnedItemCount", operation: "Scan", values: every(10) },
      { metric: "ReturnedItemCount", operation: "Query", values: every(100) },
    ]);
    expect(diagnose(diagnosisInput({ table, metrics: small })).map((verdict) => verdict.kind)).toEqual(["healthy"]);
  });
});
