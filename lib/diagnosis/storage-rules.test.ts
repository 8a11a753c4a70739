import { describe, expect, it } from "vitest";
import type { AuditedItem } from "@/lib/jobs/job-types";
import { diagnose } from "./diagnose";
import { diagnosisInput, keySample, sizeAudit, T0 } from "./test-fixtures";

describe("storage-skew", () => {
  const skewed = keySample({
    topByItems: [
      { key: "TENANT#big", items: 3_000, bytes: 1_500_000 },
      { key: "TENANT#b", items: 400, bytes: 200_000 },
    ],
    topByBytes: [
      { key: "TENANT#blob", items: 20, bytes: 2_000_000 },
      { key: "TENANT#big", items: 3_000, bytes: 1_500_000 },
    ],
    top1Share: 0.3,
    top10Share: 0.62,
    gini: 0.71,
  });

  it("labels skew from a key sample as STORAGE skew with its sample size, never as traffic", () => {
    const verdicts = diagnose(diagnosisInput({ keySample: skewed }));
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["storage-skew"]);
    const [verdict] = verdicts;
    expect(verdict).toMatchObject({ severity: "warning", key: "TENANT#big", index: null });
    expect(verdict?.title).toBe('One key, "TENANT#big", holds 30% of the stored items in a sample of 10,000; this is how data is stored, not how busy it is.');
    expect(verdict?.evidence[0]).toEqual({
      source: "key-sample",
      label: 'STORAGE skew from a sample of 10,000 items (about 10% of the table), taken 65 min ago: partition key "TENANT#big" holds 3,000 of the sampled items (30%) and 1.43 MB (30% of the sampled bytes)',
      window: { start: T0 - 10 * 60_000, end: T0 - 5 * 60_000 },
      link: { kind: "partition", index: null, key: "TENANT#big" },
    });
    expect(verdict?.evidence[1]?.label).toContain("the 10 largest keys hold 62% of the sampled items, over about 2,000 distinct keys; Gini coefficient 0.71");
    expect(verdict?.evidence[2]).toMatchObject({ label: expect.stringContaining('"TENANT#blob" is the largest in the sample: 1.91 MB'), link: { kind: "partition", index: null, key: "TENANT#blob" } });
    for (const entry of verdict?.evidence ?? []) expect(entry.label).not.toMatch(/traffic|busy|hot/i);
  });

  it("is info for a milder top-10 concentration, and quiet for an even spread, a tiny sample, or few keys", () => {
    const mild = keySample({ top1Share: 0.05, top10Share: 0.55, distinctKeysEstimate: 5_000 });
    expect(diagnose(diagnosisInput({ keySample: mild }))[0]).toMatchObject({ kind: "storage-skew", severity: "info" });
    expect(diagnose(diagnosisInput({ keySample: keySample() })).map((verdict) => verdict.kind)).toEqual(["healthy"]);
    expect(diagnose(diagnosisInput({ keySample: { ...skewed, itemsScanned: 50 } })).map((verdict) => verdict.kind)).toEqual(["healthy"]);
    // Two keys holding 50% each is an even spread, not skew.
    const twoKeys = keySample({ distinctKeysEstimate: 2, top1Share: 0.5, top10Share: 1 });
    expect(diagnose(diagnosisInput({ keySample: twoKeys })).map((verdict) => verdict.kind)).toEqual(["healthy"]);
  });
});

describe("large-items", () => {
  const item = (id: string, bytes: number): AuditedItem => ({ key: { PK: { S: id }, SK: { S: "DOC" } }, bytes, biggestAttribute: { name: "body", bytes: bytes - 200, share: 0.99 } });

  it("warns about items near the 400 KB limit, linking each item", () => {
    const largest = [item("A", 399_000), item("B", 380_000), item("C", 360_000), item("D", 300_000)];
    const audit = sizeAudit({ largest, overThreshold: { thresholdBytes: 358_400, count: 3, items: largest.slice(0, 3), truncated: false }, stats: { ...sizeAudit().stats, maxBytes: 399_000 } });
    const verdicts = diagnose(diagnosisInput({ sizeAudit: audit, sizeAuditFinishedAt: T0 }));
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["large-items"]);
    const [verdict] = verdicts;
    expect(verdict?.severity).toBe("warning");
    expect(verdict?.evidence[0]).toMatchObject({
      source: "size-audit",
      label: "Size audit (a full scan of 5,000 items, 60 min ago): 3 items are 350 KB or larger, the largest 390 KB, against DynamoDB's 400 KB item limit",
      window: { start: T0, end: T0 },
    });
    expect(verdict?.evidence.slice(1).map((entry) => entry.link)).toEqual(["A", "B", "C"].map((id) => ({ kind: "item", key: JSON.stringify({ PK: { S: id }, SK: { S: "DOC" } }) })));
    expect(verdict?.evidence[1]?.label).toBe('An item of 390 KB; "body" is 99% of it');
  });

  it("is info when items are merely large on average, and quiet for small items", () => {
    const heavy = sizeAudit({ mode: "sample", complete: false, stats: { ...sizeAudit().stats, meanBytes: 80_000, p99Bytes: 150_000 } });
    const [verdict] = diagnose(diagnosisInput({ sizeAudit: heavy }));
    expect(verdict).toMatchObject({ kind: "large-items", severity: "info" });
    expect(verdict?.evidence[0]?.label).toBe("Size audit (a sample of 5,000 items): 1% of items are about 146 KB or larger (p99, approximate); the average item is 78.1 KB");
    expect(diagnose(diagnosisInput({ sizeAudit: sizeAudit() })).map((entry) => entry.kind)).toEqual(["healthy"]);
  });
});
