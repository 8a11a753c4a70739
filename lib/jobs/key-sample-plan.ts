import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import type { TableDetail } from "@/lib/tables/table-detail";
import { projectToIndex, type GsiShape } from "./index-projection";
import type { KeySampleRequest, KeySampleResult, KeySampling } from "./job-types";
import { defaultKeySampleRate } from "./key-sample-rate";

/** What a key sample reads and counts by, decided from the table's description before it starts. */
export type KeySamplePlan = {
  /** The index to Scan, or null to Scan the table. */
  scanIndex: string | null;
  /** The attribute to count by. */
  partitionKey: string;
  /** The GSI whose partition key is counted (COUNT queries confirming a sample run on it); null for the table's key. */
  countIndex: string | null;
  /** Turns a scanned item into what is counted (an index entry), or null when the item does not count. */
  entryOf: (item: Record<string, AttributeValue>) => Record<string, AttributeValue> | null;
  sampling: KeySampling;
  rateLimit: KeySampleResult["rateLimit"];
  /** The approximate ItemCount of what is scanned. */
  coverage: { itemCount: number | null; of: "table" | "index" };
};

const PROJECTIONS = ["ALL", "KEYS_ONLY", "INCLUDE"] as const;
const asIs = (item: Record<string, AttributeValue>) => item;

/**
 * How to sample: the table's own key is read from the table. An index key is read from the index itself in full mode
 * (it holds only the index's entries, so it is the cheapest complete read), but from the base table in sample mode:
 * a Scan returns each key's items together, so a sample of the index would hold a few index keys whole, while the
 * base table's storage order has nothing to do with the index key and a sample of it reaches every index key about
 * equally. Throws a 400 for an LSI (it shares the table's partition key) or an unknown index. Client-safe, pure.
 */
export function planKeySample(table: TableDetail, request: KeySampleRequest): KeySamplePlan {
  const rateFor = (provisionedRead: number | null) =>
    request.rcuPerSecond !== undefined ? { rcuPerSecond: request.rcuPerSecond, source: "request" as const } : defaultKeySampleRate(provisionedRead);
  const onDemand = table.billingMode === "PAY_PER_REQUEST";
  const tableRate = rateFor(onDemand ? null : (table.provisioned?.read ?? null));
  const tableCoverage = { itemCount: table.itemCount, of: "table" as const };
  if (request.index === undefined) {
    const sampling = request.mode === "full" ? "full-scan" : "whole-keys";
    return { scanIndex: null, partitionKey: table.keys.partitionKey.name, countIndex: null, entryOf: asIs, sampling, rateLimit: tableRate, coverage: tableCoverage };
  }
  const gsi = table.gsis.find((candidate) => candidate.name === request.index);
  if (!gsi) {
    if (table.lsis.some((lsi) => lsi.name === request.index)) {
      throw new AppError("BAD_REQUEST", `index: ${request.index} is a local secondary index; it shares the table's partition key, so sample the table instead.`);
    }
    throw new AppError("BAD_REQUEST", `index: table "${table.name}" has no global secondary index "${request.index}".`);
  }
  if (request.mode === "full") {
    const rate = rateFor(onDemand ? null : (gsi.provisioned?.read ?? table.provisioned?.read ?? null));
    return { scanIndex: gsi.name, partitionKey: gsi.keys.partitionKey.name, countIndex: gsi.name, entryOf: asIs, sampling: "full-scan", rateLimit: rate, coverage: { itemCount: gsi.itemCount, of: "index" } };
  }
  // An unknown projection type is treated as ALL, the largest entry.
  const type = PROJECTIONS.find((candidate) => candidate === gsi.projection.type) ?? "ALL";
  const shape: GsiShape = {
    partitionKey: gsi.keys.partitionKey.name,
    sortKey: gsi.keys.sortKey?.name ?? null,
    tableKeys: { partitionKey: table.keys.partitionKey.name, sortKey: table.keys.sortKey?.name ?? null },
    projection: { type, nonKeyAttributes: gsi.projection.nonKeyAttributes },
  };
  return { scanIndex: null, partitionKey: shape.partitionKey, countIndex: gsi.name, entryOf: (item) => projectToIndex(item, shape), sampling: "spread", rateLimit: tableRate, coverage: tableCoverage };
}
