import type { VerdictKind } from "@/lib/diagnosis/diagnosis-types";
import type { GlossaryTermId } from "./glossary-terms";

/** The glossary entries that explain each verdict, the main one first: a verdict's "?" shows the first. Client-safe. */
export const VERDICT_TERMS: Record<VerdictKind, [GlossaryTermId, ...GlossaryTermId[]]> = {
  "alarm-firing": ["alarm", "throttling"],
  "changed-before": ["change-history", "capacity", "throttling"],
  "scaling-at-maximum": ["auto-scaling", "capacity", "throttling"],
  "scaling-slow": ["auto-scaling", "capacity", "throttling"],
  "no-auto-scaling": ["auto-scaling", "capacity", "throttling"],
  "scaling-minimum-low": ["auto-scaling", "capacity"],
  "hot-key": ["hot-key", "partition-key", "throttling", "contributor-insights"],
  "key-range-unknown-key": ["hot-key", "throttling", "contributor-insights"],
  "not-determinable": ["throttling", "contributor-insights"],
  "gsi-back-pressure": ["gsi-back-pressure", "gsi", "wcu"],
  "under-provisioned-reads": ["capacity", "rcu", "utilization", "throttling"],
  "under-provisioned-writes": ["capacity", "wcu", "utilization", "throttling"],
  "on-demand-limit": ["capacity", "throttling"],
  "account-limit": ["throttling", "capacity"],
  "replica-lag": ["replication-latency", "global-table", "wcu"],
  "unusual-traffic": ["baseline", "capacity", "throttling"],
  concentration: ["hot-key", "partition-key", "contributor-insights"],
  "scan-heavy": ["scan-vs-query", "scan", "query", "rcu"],
  "storage-skew": ["key-sample", "partition-key"],
  "large-items": ["item-size", "size-audit", "wcu"],
  "contributor-insights-off": ["contributor-insights", "hot-key"],
  "capacity-mode-savings": ["capacity", "auto-scaling", "throttling"],
  "capacity-mode-fine": ["capacity", "auto-scaling"],
  "no-data": ["requests-by-operation"],
  healthy: ["throttling", "utilization"],
};
