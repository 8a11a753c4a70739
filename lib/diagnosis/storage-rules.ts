/**
 * Storage verdicts: storage skew from the latest key sample, and large items from the latest size audit. Both
 * describe how data is stored, never how busy it is: a Scan reads in storage (hash) order, not traffic order.
 */
import { formatBytes } from "@/lib/format/format-bytes";
import type { SizeAuditResult } from "@/lib/jobs/job-types";
import type { DiagnosisInput, Evidence, KeySampleSummary, TimeWindow, Verdict } from "./diagnosis-types";
import { ageText, count, percent, quoteKey } from "./evidence-text";

function sampleScope(sample: KeySampleSummary, now: number): string {
  const coverage = sample.complete ? "a full scan" : sample.coverage !== null ? `about ${percent(sample.coverage)} of the table` : "an unknown share of the table";
  return `from a sample of ${count(sample.itemsScanned)} items (${coverage}), taken ${ageText(sample.finishedAt, now)}`;
}

export function storageSkewVerdicts(input: DiagnosisInput): Verdict[] {
  const sample = input.keySample;
  const t = input.thresholds;
  if (!sample || sample.itemsScanned < t.storageMinItems) return [];
  const keys = Math.max(1, sample.distinctKeysEstimate);
  // A share only means skew when it is well above what an even spread over the keys would give (2 keys: 50% each).
  const top1Skewed = sample.top1Share >= t.storageTop1Share && sample.top1Share >= t.storageOverEven / keys;
  const top10Skewed = sample.top10Share >= t.storageTop10Share && sample.top10Share >= t.storageOverEven * Math.min(1, 10 / keys);
  const top = sample.topByItems[0];
  if (!top || (!top1Skewed && !top10Skewed)) return [];

  const window: TimeWindow = { start: sample.startedAt ?? sample.finishedAt, end: sample.finishedAt };
  const scope = sampleScope(sample, input.now);
  const bytesShare = sample.bytesScanned > 0 ? ` and ${formatBytes(top.bytes)} (${percent(top.bytes / sample.bytesScanned)} of the sampled bytes)` : "";
  const evidence: Evidence[] = [
    {
      source: "key-sample",
      label: `STORAGE skew ${scope}: partition key ${quoteKey(top.key)} holds ${count(top.items)} of the sampled items (${percent(sample.top1Share)})${bytesShare}`,
      window,
      link: { kind: "partition", index: null, key: top.key },
    },
    {
      source: "key-sample",
      label: `STORAGE skew ${scope}: the 10 largest keys hold ${percent(sample.top10Share)} of the sampled items, over about ${count(sample.distinctKeysEstimate)} distinct keys; Gini coefficient ${sample.gini.toFixed(2)} (0 is even, 1 is all in one key)`,
      window,
    },
  ];
  const biggest = sample.topByBytes[0];
  if (biggest && biggest.key !== top.key) {
    evidence.push({
      source: "key-sample",
      label: `By bytes, partition key ${quoteKey(biggest.key)} is the largest in the sample: ${formatBytes(biggest.bytes)} in ${count(biggest.items)} items`,
      window,
      link: { kind: "partition", index: null, key: biggest.key },
    });
  }
  const lsiNote = input.table.lsis.length > 0 ? " This table has local secondary indexes, so one key's items (with their index copies) may not exceed 10 GB." : "";
  return [
    {
      kind: "storage-skew",
      severity: sample.top1Share >= t.storageWarningTop1Share ? "warning" : "info",
      title: `One key, ${quoteKey(top.key)}, holds ${percent(sample.top1Share)} of the stored items in a sample of ${count(sample.itemsScanned)}; this is how data is stored, not how busy it is.`,
      key: top.key,
      index: null,
      evidence,
      suggestion:
        "Uneven storage alone doesn't cause throttling: DynamoDB splits partitions by size and by traffic. It matters when the big keys are also the busy ones " +
        `(compare with the busiest keys from Contributor Insights), or when reading one key means paging through many items.${lsiNote} ` +
        "A partition key with more distinct values (e.g. adding a date or a bucket number) spreads it.",
    },
  ];
}

/** Items at or above `bytes`: exact when the audit listed items from that size, otherwise a lower bound. */
function itemsAtLeast(audit: SizeAuditResult, bytes: number): { count: number; exact: boolean } {
  const over = audit.overThreshold;
  const listed = audit.largest.filter((item) => item.bytes >= bytes).length;
  if (over.thresholdBytes === bytes) return { count: over.count, exact: true };
  if (over.thresholdBytes < bytes) return { count: Math.max(listed, over.items.filter((item) => item.bytes >= bytes).length), exact: !over.truncated };
  return { count: Math.max(listed, over.count), exact: false };
}

export function largeItemVerdicts(input: DiagnosisInput): Verdict[] {
  const audit = input.sizeAudit;
  const t = input.thresholds;
  if (!audit || audit.itemsRead === 0) return [];
  const near = itemsAtLeast(audit, t.largeItemBytes);
  const { p99Bytes, meanBytes, maxBytes } = audit.stats;
  const heavyP99 = p99Bytes !== null && p99Bytes >= t.largeItemP99Bytes;
  const heavyMean = meanBytes !== null && meanBytes >= t.largeItemMeanBytes;
  if (near.count === 0 && !heavyP99 && !heavyMean) return [];

  const at = input.sizeAuditFinishedAt ?? null;
  const window = at === null ? undefined : { start: at, end: at };
  const scope = `${audit.mode === "full" && audit.complete ? "a full scan" : `a ${audit.mode === "full" ? "partial scan" : "sample"}`} of ${count(audit.itemsRead)} items${at === null ? "" : `, ${ageText(at, input.now)}`}`;
  const evidence: Evidence[] = [];
  if (near.count > 0) {
    evidence.push({
      source: "size-audit",
      label: `Size audit (${scope}): ${near.exact ? "" : "at least "}${count(near.count)} items are ${formatBytes(t.largeItemBytes)} or larger, the largest ${formatBytes(maxBytes ?? 0)}, against DynamoDB's 400 KB item limit`,
      window,
    });
    for (const item of audit.largest.filter((entry) => entry.bytes >= t.largeItemBytes).slice(0, 3)) {
      const biggest = item.biggestAttribute ? `; "${item.biggestAttribute.name}" is ${percent(item.biggestAttribute.share)} of it` : "";
      evidence.push({ source: "size-audit", label: `An item of ${formatBytes(item.bytes)}${biggest}`, window, link: { kind: "item", key: JSON.stringify(item.key) } });
    }
  }
  const heavy = [heavyP99 && p99Bytes !== null ? `1% of items are about ${formatBytes(p99Bytes)} or larger (p99, approximate)` : null, heavyMean && meanBytes !== null ? `the average item is ${formatBytes(meanBytes)}` : null].filter((text) => text !== null);
  if (heavy.length > 0) evidence.push({ source: "size-audit", label: `Size audit (${scope}): ${heavy.join("; ")}`, window });
  const top = audit.dominantAttributes.byAttribute[0];
  const attributeAdvice = top ? ` The attribute "${top.name}" dominates most of the flagged items.` : "";
  return [
    {
      kind: "large-items",
      severity: near.count > 0 ? "warning" : "info",
      title:
        near.count > 0
          ? "Some items are close to DynamoDB's size limit for one item, so an update that makes them bigger will fail."
          : "Items are large, which makes every read and write of them cost more.",
      evidence,
      suggestion: `Move large attributes to S3 and keep a pointer, compress them, or split an item into several items under the same partition key.${attributeAdvice}`,
    },
  ];
}
