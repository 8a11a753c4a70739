import { HIGH_ITEM_BYTES, MEAN_FLAG_BYTES, P99_FLAG_BYTES } from "@/lib/jobs/size-findings";
import type { DiagnosisThresholds } from "./diagnosis-types";

/**
 * Starting points from REFERENCE.md ("Diagnosis rules worth starting from", AWS's own inspection logic) and the
 * size audit's thresholds; the rest are judgement calls, noted where made.
 */
export const DEFAULT_THRESHOLDS: Readonly<DiagnosisThresholds> = {
  hotKeyDominance: 3,
  concentrationShare: 0.5,
  // Not from AWS: a dominant key using under a tenth of one key's ceiling is harmless (a small table with one busy user).
  concentrationMinCapShare: 0.1,
  partitionReadUnitsPerSecond: 3_000,
  partitionWriteUnitsPerSecond: 1_000,
  nearProvisioned: 0.8,
  scanShareOfRequests: 0.3,
  scanShareOfItems: 0.5,
  scanMinRequests: 10,
  storageTop1Share: 0.1,
  storageTop10Share: 0.5,
  storageOverEven: 5,
  storageWarningTop1Share: 0.25,
  storageMinItems: 100,
  largeItemBytes: HIGH_ITEM_BYTES,
  largeItemP99Bytes: P99_FLAG_BYTES,
  largeItemMeanBytes: MEAN_FLAG_BYTES,
};

/** The defaults with some thresholds changed, e.g. from configuration. */
export function withThresholds(overrides: Partial<DiagnosisThresholds>): DiagnosisThresholds {
  return { ...DEFAULT_THRESHOLDS, ...overrides };
}
