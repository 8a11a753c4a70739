/**
 * What one change did, summarized from its CloudTrail record: short phrases for people ("write capacity 20 → 5",
 * "GSI ByStatus created", "maximum 400 → 100") and the same as facts for the diagnosis. Client-safe, pure.
 */
import type { ChangeEffect, ChangeKind } from "./change-types";
import type { ChangeMemory } from "./change-memory";
import { DYNAMODB_SOURCE, type ChangeTarget } from "./change-target";
import type { CloudTrailRecord } from "./cloudtrail-record";
import { dynamodbSummary } from "./dynamodb-summary";
import { scalingSummary } from "./scaling-summary";

export type ChangeSummary = {
  kind: ChangeKind;
  summary: string[];
  /** Empty for a failed call: nothing changed. */
  effects: ChangeEffect[];
  /** The GSI the change is about; null for the table (or several parts of it). */
  index: string | null;
};

/**
 * Summarizes a record whose target is known. `memory` holds what earlier changes set and is updated by this one, so
 * records must come oldest first. A failed call is summarized as what was attempted, with no effects.
 */
export function summarizeChange(record: CloudTrailRecord, target: ChangeTarget, memory: ChangeMemory): ChangeSummary {
  const failed = record.errorCode !== undefined;
  return record.eventSource === DYNAMODB_SOURCE ? dynamodbSummary(record, target, memory, failed) : scalingSummary(record, target, memory, failed);
}

/** "ValidationException: The provisioned throughput for the table will not change." (trimmed), or null when the call succeeded. */
export function changeError(record: CloudTrailRecord): string | null {
  if (record.errorCode === undefined) return null;
  const message = record.errorMessage ? `: ${record.errorMessage}` : "";
  const text = `${record.errorCode}${message}`;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
