import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { sizedItem } from "@/tests/support/sized-items";
import type { SizeAuditResult, StopReason } from "./job-types";
import { SizeAuditAccumulator, type AuditTable } from "./size-audit-accumulator";
import { sizeFindings } from "./size-findings";

const TABLE: AuditTable = { keys: { partitionKey: "pk", sortKey: null }, lsis: [], itemCount: null, sizeBytes: null };

function findingsFor(sizes: number[], options: { mode?: "sample" | "full"; stopReason?: StopReason; table?: AuditTable; items?: Array<Record<string, AttributeValue>> } = {}): SizeAuditResult["findings"] {
  const accumulator = new SizeAuditAccumulator(options.table ?? TABLE, { mode: options.mode ?? "full", thresholdBytes: 358_400 });
  const items = options.items ?? sizes.map((bytes, i) => sizedItem({ pk: { S: `k${i}` }, a: { S: "a".repeat(200) }, b: { S: "b".repeat(200) } }, bytes, "c"));
  for (const item of items) accumulator.add(item, 0);
  return accumulator.result({ itemsRead: items.length, rcuUsed: 1, pagesRead: 1, maxPageRcu: 1, stopReason: options.stopReason ?? "end" }).findings;
}

describe("size findings", () => {
  it("says plainly when nothing is wrong, and what the evidence covers", () => {
    expect(findingsFor([500, 600, 700])).toEqual([
      { severity: "info", text: "No item-size problems found in 3 items." },
      { severity: "info", text: "Based on a full scan of 3 items." },
    ]);
  });

  it("flags an item of 350 KB or more as high", () => {
    const findings = findingsFor([358_400, ...Array.from({ length: 200 }, () => 500)]);
    expect(findings[0]).toEqual({ severity: "high", text: expect.stringContaining("1 item is 350 KB or larger") });
    expect(findings[0]?.text).toContain("350 KB");
    expect(findingsFor([358_399, ...Array.from({ length: 200 }, () => 500)]).some((finding) => finding.severity === "high")).toBe(false);
  });

  // The percentiles are approximate (within 1%), so these cases stay clear of the thresholds.
  it("flags large items by p99 or by the mean", () => {
    const p99 = findingsFor([...Array.from({ length: 98 }, () => 500), 110_000, 110_000]);
    expect(p99).toContainEqual({ severity: "medium", text: expect.stringMatching(/^Items are large: 1% of items are about 10\d KB or larger \(p99\)\./) });
    const mean = findingsFor([...Array.from({ length: 150 }, () => 1_000), ...Array.from({ length: 50 }, () => 260_000)]);
    expect(mean).toContainEqual({ severity: "medium", text: expect.stringMatching(/^Items are large: 1% of items are about 25\d KB or larger \(p99\), and the average item is 64\.2 KB\./) });
    expect(findingsFor(Array.from({ length: 10 }, () => 60_000)).some((finding) => finding.text.startsWith("Items are large"))).toBe(false);
  });

  it("flags a max of 20× the median or more", () => {
    const skewed = findingsFor([1_000, 1_000, 1_000, 25_000]);
    expect(skewed).toContainEqual({ severity: "medium", text: expect.stringMatching(/^The largest item \(24\.4 KB\) is 2\d× the median \(about \d+ B\)/) });
    expect(findingsFor([1_000, 1_000, 1_000, 15_000]).some((finding) => finding.text.includes("the median"))).toBe(false);
  });

  it("notes attributes that hold 40% or more of an item's bytes, naming the most common", () => {
    const items = [0, 1, 2].map((i) => ({ pk: { S: `k${i}` }, blob: { S: "z".repeat(2_000) }, small: { S: "s" } }));
    expect(findingsFor([], { items })).toContainEqual({
      severity: "info",
      text: 'In 3 items of 1 KB or more, one attribute holds 40% or more of the bytes, most often "blob" (3 items). Compressing it, or storing it elsewhere (e.g. S3) with a pointer, would shrink those items.',
    });
  });

  it("says a sample is a sample, and when a read stopped early", () => {
    expect(findingsFor([500], { mode: "sample", stopReason: "sample-size" }).at(-1)?.text).toBe(
      "Based on a sample of 1 item. A Scan reads in storage order, so counts describe the sample, not the whole table.",
    );
    expect(findingsFor([500, 500], { stopReason: "budget" }).at(-1)?.text).toBe(
      "The scan stopped after 2 items because it reached its RCU budget: the results cover only the part of the table that was read.",
    );
    expect(findingsFor([], { stopReason: "throttled" })).toEqual([{ severity: "info", text: "No items were read before DynamoDB throttled it." }]);
    expect(findingsFor([])).toEqual([{ severity: "info", text: "The table has no items." }]);
  });

  it("does not mention item collections far below the 10 GB limit", () => {
    const table: AuditTable = { ...TABLE, lsis: [{ name: "L", sortKey: "r", projection: { type: "ALL", nonKeyAttributes: [] } }] };
    const accumulator = new SizeAuditAccumulator(table, { mode: "full", thresholdBytes: 358_400 });
    accumulator.add({ pk: { S: "hot" }, r: { N: "1" } }, 0);
    const result = accumulator.result({ itemsRead: 1, rcuUsed: 1, pagesRead: 1, maxPageRcu: 1, stopReason: "end" });
    expect(result.findings.some((finding) => finding.text.includes("item collection"))).toBe(false);
  });

  it("warns about item collections at 50% (medium) and 80% (high) of the 10 GB limit", () => {
    const base = new SizeAuditAccumulator(TABLE, { mode: "full", thresholdBytes: 358_400 }).result({ itemsRead: 0, rcuUsed: 0, pagesRead: 0, maxPageRcu: 0, stopReason: "end" });
    const collection = (pk: string, fraction: number, partial: boolean) => ({ partitionKey: { S: pk }, bytes: fraction * 10 * 1024 ** 3, items: 9, fractionOfLimit: fraction, partial });
    const findings = sizeFindings({
      result: { ...base, itemCollections: { limitBytes: 10 * 1024 ** 3, indexes: ["L"], partial: false, largest: [collection("big", 0.85, true), collection("mid", 0.5, false), collection("small", 0.3, false)] } },
      stopReason: "end",
      highCount: 0,
    });
    expect(findings.filter((finding) => finding.text.includes("item collection"))).toEqual([
      { severity: "high", text: 'The item collection of partition key "big" holds 8.50 GB or more, 85% of the 10 GB limit for tables with local secondary indexes. Writes to that key fail once it reaches the limit.' },
      { severity: "medium", text: 'The item collection of partition key "mid" holds 5.00 GB, 50% of the 10 GB limit for tables with local secondary indexes. Writes to that key fail once it reaches the limit.' },
    ]);
  });
});
