import { formatBytes } from "@/lib/format/format-bytes";
import type { SizeAuditResult, SizeFinding, StopReason } from "./job-types";

/** REFERENCE.md, "Thresholds worth flagging" (AWS's own inspection guidance). */
export const HIGH_ITEM_BYTES = 350 * 1024;
export const P99_FLAG_BYTES = 100 * 1024;
export const MEAN_FLAG_BYTES = 64 * 1024;
export const SKEW_FLAG_RATIO = 20;
/** Not from AWS: how close to the 10 GB item-collection limit is worth a warning. */
const COLLECTION_HIGH = 0.8;
const COLLECTION_MEDIUM = 0.5;

export type FindingsInput = {
  result: Omit<SizeAuditResult, "findings">;
  stopReason: StopReason;
  /** Items of 350 KB or more (exact). */
  highCount: number;
};

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
const STOPPED: Partial<Record<StopReason, string>> = {
  budget: "it reached its RCU budget",
  throttled: "DynamoDB throttled it",
  cancelled: "it was cancelled",
};

/** Plain-language findings, most severe first, with the scope of the evidence stated last. */
export function sizeFindings({ result, stopReason, highCount }: FindingsInput): SizeFinding[] {
  const findings: SizeFinding[] = [];
  const { stats } = result;
  if (highCount > 0) {
    findings.push({
      severity: "high",
      text: `${plural(highCount, "item is", "items are")} 350 KB or larger, close to DynamoDB's 400 KB item limit (the largest is ${formatBytes(stats.maxBytes ?? 0)}). An update that makes one bigger will be rejected.`,
    });
  }
  for (const collection of result.itemCollections?.largest ?? []) {
    if (collection.fractionOfLimit < COLLECTION_MEDIUM) break;
    findings.push({
      severity: collection.fractionOfLimit >= COLLECTION_HIGH ? "high" : "medium",
      text: `The item collection of partition key ${JSON.stringify(Object.values(collection.partitionKey)[0])} holds ${formatBytes(collection.bytes)}${collection.partial ? " or more" : ""}, ${Math.round(collection.fractionOfLimit * 100)}% of the 10 GB limit for tables with local secondary indexes. Writes to that key fail once it reaches the limit.`,
    });
  }
  const heavy: string[] = [];
  if (stats.p99Bytes !== null && stats.p99Bytes >= P99_FLAG_BYTES) heavy.push(`1% of items are about ${formatBytes(stats.p99Bytes)} or larger (p99)`);
  if (stats.meanBytes !== null && stats.meanBytes >= MEAN_FLAG_BYTES) heavy.push(`the average item is ${formatBytes(stats.meanBytes)}`);
  if (heavy.length > 0) {
    findings.push({
      severity: "medium",
      text: `Items are large: ${heavy.join(", and ")}. Every read and write is charged by size (1 RCU per 4 KB read, 1 WCU per 1 KB written), so large items make all access expensive.`,
    });
  }
  if (stats.maxBytes !== null && stats.p50Bytes !== null && stats.p50Bytes > 0 && stats.maxBytes / stats.p50Bytes >= SKEW_FLAG_RATIO) {
    findings.push({
      severity: "medium",
      text: `The largest item (${formatBytes(stats.maxBytes)}) is ${Math.round(stats.maxBytes / stats.p50Bytes)}× the median (about ${formatBytes(stats.p50Bytes)}): a few items are far bigger than the rest, often a list or blob that keeps growing.`,
    });
  }
  const dominant = result.dominantAttributes;
  if (dominant.count > 0) {
    const top = dominant.byAttribute[0];
    findings.push({
      severity: "info",
      text: `In ${plural(dominant.count, "item")} of 1 KB or more, one attribute holds ${Math.round(dominant.minShare * 100)}% or more of the bytes${top ? `, most often "${top.name}" (${plural(top.count, "item")})` : ""}. Compressing it, or storing it elsewhere (e.g. S3) with a pointer, would shrink those items.`,
    });
  }
  if (stats.count > 0 && findings.length === 0) {
    findings.push({ severity: "info", text: `No item-size problems found in ${plural(stats.count, "item")}.` });
  }
  findings.push(scopeFinding(result, stopReason));
  return findings;
}

function scopeFinding(result: FindingsInput["result"], stopReason: StopReason): SizeFinding {
  const read = plural(result.itemsRead, "item");
  const stopped = STOPPED[stopReason];
  if (result.itemsRead === 0) return { severity: "info", text: stopped ? `No items were read before ${stopped}.` : "The table has no items." };
  if (result.mode === "sample") {
    return {
      severity: "info",
      text: `Based on a sample of ${read}${stopped ? `, cut short because ${stopped}` : ""}. A Scan reads in storage order, so counts describe the sample, not the whole table.`,
    };
  }
  if (stopped) return { severity: "info", text: `The scan stopped after ${read} because ${stopped}: the results cover only the part of the table that was read.` };
  return { severity: "info", text: `Based on a full scan of ${read}.` };
}
