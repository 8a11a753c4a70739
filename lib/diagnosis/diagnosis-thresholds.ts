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
  // Not from AWS: twice (or half) the same hour both yesterday and last week is well outside a daily or weekly rhythm,
  // and 5 units per second on average is about the least traffic whose doubling can matter to capacity.
  unusualTrafficRatio: 2,
  unusualTrafficMinUnitsPerSecond: 5,
  storageTop1Share: 0.1,
  storageTop10Share: 0.5,
  storageOverEven: 5,
  storageWarningTop1Share: 0.25,
  storageMinItems: 100,
  largeItemBytes: HIGH_ITEM_BYTES,
  largeItemP99Bytes: P99_FLAG_BYTES,
  largeItemMeanBytes: MEAN_FLAG_BYTES,
  // Not from AWS, which names no threshold: AWS puts typical replication at 0.5–2.5 s between regions in one geographic
  // area, and says it should be fairly constant, so an average above a minute is tens of times normal even between
  // distant regions. The 15 minutes (or half the window) keep a brief stall, such as a burst of writes being absorbed,
  // from being called falling behind.
  replicaLagMs: 60_000,
  replicaLagMinDurationMs: 15 * 60_000,
  replicaLagMinShare: 0.5,
  // Five minutes late right now is data readers in that region can notice, and changes a failover would miss.
  replicaLagCriticalMs: 5 * 60_000,
  // Not from AWS: CHANGE_LEAD_MINUTES (default 30). Auto scaling and burst capacity can hide a lowered capacity for
  // minutes (up to 300 s of saved burst), so the throttling a change causes may begin well after it.
  changeLeadMs: 30 * 60_000,
};

/** The defaults with some thresholds changed, e.g. from configuration. */
export function withThresholds(overrides: Partial<DiagnosisThresholds>): DiagnosisThresholds {
  return { ...DEFAULT_THRESHOLDS, ...overrides };
}
