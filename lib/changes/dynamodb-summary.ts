/**
 * What a DynamoDB management call changed, in short phrases and as facts, from its CloudTrail record. Client-safe, pure.
 *
 * UpdateTable is asynchronous: its answer is the table description with tableStatus UPDATING, still holding the OLD
 * settings. AWS's sample record (DynamoDB developer guide, "Understanding DynamoDB log file entries") asks for 25/25
 * while responseElements.tableDescription.provisionedThroughput says 10/10. That description is therefore where the
 * "from" of a capacity change comes from; when the record has none (a failed call), the capacity an earlier change in
 * the history asked for; else the phrase says only what it was set to.
 */
import { formatCount } from "@/lib/format/format-count";
import type { ChangeSummary } from "./change-summary";
import type { ChangeDirection, ChangeEffect, ChangeKind } from "./change-types";
import type { ChangeMemory } from "./change-memory";
import type { ChangeTarget } from "./change-target";
import { bool, list, member, num, obj, str, type CloudTrailRecord, type Members } from "./cloudtrail-record";

const DIRECTIONS: ReadonlyArray<{ direction: ChangeDirection; capacity: string; onDemand: string }> = [
  { direction: "read", capacity: "readCapacityUnits", onDemand: "maxReadRequestUnits" },
  { direction: "write", capacity: "writeCapacityUnits", onDemand: "maxWriteRequestUnits" },
];

const MODE_WORDS = { PROVISIONED: "provisioned", PAY_PER_REQUEST: "on-demand" } as const;
type BillingMode = keyof typeof MODE_WORDS;
const billingMode = (value: unknown): BillingMode | null => (value === "PROVISIONED" || value === "PAY_PER_REQUEST" ? value : null);

const n = (value: number) => formatCount(value);
const maxText = (value: number | "none") => (value === "none" ? "none" : n(value));
/** AWS's -1 is "no maximum". */
const onDemandValue = (value: unknown): number | "none" | null => {
  const parsed = num(value);
  if (parsed === null) return null;
  return parsed < 0 ? "none" : parsed;
};

type Scope = { table: string; index: string | null; label: string };

/** "write capacity 20 → 5", "GSI ByStatus write capacity set to 5"; the facts next to them. */
function throughputChanges(scope: Scope, requested: Members | null, described: Members | null, memory: ChangeMemory, failed: boolean, out: { summary: string[]; effects: ChangeEffect[] }): void {
  const asked = obj(member(requested, "provisionedThroughput"));
  const before = obj(member(described, "provisionedThroughput"));
  for (const { direction, capacity } of DIRECTIONS) {
    const to = num(member(asked, capacity));
    if (to === null) continue;
    const from = num(member(before, capacity)) ?? memory.capacityBefore(scope.table, scope.index, direction);
    // ProvisionedThroughput carries both directions; the one left as it was is not a change.
    if (from === to) continue;
    out.summary.push(from === null ? `${scope.label}${direction} capacity set to ${n(to)}` : `${scope.label}${direction} capacity ${n(from)} → ${n(to)}`);
    if (!failed) {
      out.effects.push({ type: "capacity", index: scope.index, direction, from, to });
      memory.rememberCapacity(scope.table, scope.index, direction, to);
    }
  }
  const askedMax = obj(member(requested, "onDemandThroughput"));
  const beforeMax = obj(member(described, "onDemandThroughput"));
  for (const { direction, onDemand } of DIRECTIONS) {
    const to = onDemandValue(member(askedMax, onDemand));
    if (to === null) continue;
    const from = onDemandValue(member(beforeMax, onDemand)) ?? memory.onDemandMaxBefore(scope.table, scope.index, direction);
    if (from === to) continue;
    const what = `${scope.label}on-demand maximum for ${direction}s`;
    out.summary.push(from === null ? (to === "none" ? `${what} removed` : `${what} set to ${n(to)}`) : `${what} ${maxText(from)} → ${maxText(to)}`);
    if (!failed) {
      out.effects.push({ type: "on-demand-maximum", index: scope.index, direction, from, to });
      memory.rememberOnDemandMax(scope.table, scope.index, direction, to);
    }
  }
}

function indexDescription(described: Members | null, indexName: string): Members | null {
  for (const entry of list(member(described, "globalSecondaryIndexes"))) {
    const index = obj(entry);
    if (str(member(index, "indexName")) === indexName) return index;
  }
  return null;
}

function updateTable(record: CloudTrailRecord, target: ChangeTarget, memory: ChangeMemory, failed: boolean): ChangeSummary {
  const request = record.requestParameters ?? null;
  const described = obj(member(record.responseElements ?? null, "tableDescription"));
  const out = { summary: [] as string[], effects: [] as ChangeEffect[] };
  const kinds = new Set<ChangeKind>();
  const touched = new Set<string | null>();

  const mode = billingMode(member(request, "billingMode"));
  if (mode) {
    const was = billingMode(member(obj(member(described, "billingModeSummary")), "billingMode"));
    const from = was !== null && was !== mode ? was : null;
    out.summary.push(from ? `billing mode ${MODE_WORDS[from]} → ${MODE_WORDS[mode]}` : `billing mode set to ${MODE_WORDS[mode]}`);
    if (!failed) out.effects.push({ type: "billing", from, to: mode });
    kinds.add("billing");
    touched.add(null);
  }
  const before = out.summary.length;
  throughputChanges({ table: target.table, index: null, label: "" }, request, described, memory, failed, out);
  if (out.summary.length > before) {
    kinds.add("capacity");
    touched.add(null);
  }

  for (const entry of list(member(request, "globalSecondaryIndexUpdates"))) {
    const update = obj(entry);
    const create = obj(member(update, "create"));
    const remove = obj(member(update, "delete"));
    const change = obj(member(update, "update"));
    const name = str(member(create ?? remove ?? change, "indexName"));
    if (!name) continue;
    touched.add(name);
    if (create) {
      out.summary.push(`GSI ${name} created`);
      if (!failed) out.effects.push({ type: "index-created", index: name });
      kinds.add("index");
    } else if (remove) {
      out.summary.push(`GSI ${name} deleted`);
      if (!failed) out.effects.push({ type: "index-deleted", index: name });
      kinds.add("index");
    } else if (change) {
      const count = out.summary.length;
      throughputChanges({ table: target.table, index: name, label: `GSI ${name} ` }, change, indexDescription(described, name), memory, failed, out);
      if (out.summary.length === count) out.summary.push(`GSI ${name} updated`);
      kinds.add("capacity");
    }
  }

  const stream = obj(member(request, "streamSpecification"));
  if (stream) {
    const enabled = bool(member(stream, "streamEnabled"));
    const view = str(member(stream, "streamViewType"));
    out.summary.push(enabled === false ? "stream turned off" : `stream turned on${view ? ` (${view})` : ""}`);
    kinds.add("stream");
    touched.add(null);
  }
  const protection = bool(member(request, "deletionProtectionEnabled"));
  if (protection !== null) {
    out.summary.push(`deletion protection turned ${protection ? "on" : "off"}`);
    touched.add(null);
  }
  const tableClass = str(member(request, "tableClass"));
  if (tableClass) {
    out.summary.push(`table class set to ${tableClass}`);
    touched.add(null);
  }
  if (obj(member(request, "sSESpecification"))) {
    out.summary.push("encryption settings changed");
    touched.add(null);
  }
  for (const entry of list(member(request, "replicaUpdates"))) {
    const update = obj(entry);
    for (const [action, word] of [["create", "added"], ["delete", "removed"], ["update", "updated"]] as const) {
      const region = str(member(obj(member(update, action)), "regionName"));
      if (region) out.summary.push(`replica in ${region} ${word}`);
    }
    touched.add(null);
  }
  if (obj(member(request, "warmThroughput"))) {
    out.summary.push("warm throughput changed");
    touched.add(null);
  }

  const kind: ChangeKind = kinds.has("billing") ? "billing" : kinds.has("index") ? "index" : kinds.has("capacity") ? "capacity" : kinds.has("stream") ? "stream" : "other";
  // A call that only touched one GSI is about that GSI; anything at the table level makes it the table's.
  const [only] = touched;
  const index = touched.size === 1 && only !== undefined ? only : null;
  return { kind, summary: out.summary.length > 0 ? out.summary : ["table settings updated"], effects: out.effects, index };
}

const lastPart = (arn: string | null) => (arn ? (arn.split("/").pop() ?? arn) : null);

/** The summary of a DynamoDB call, or null for a call the history does not list. */
export function dynamodbSummary(record: CloudTrailRecord, target: ChangeTarget, memory: ChangeMemory, failed: boolean): ChangeSummary {
  const request = record.requestParameters ?? null;
  const one = (kind: ChangeKind, phrase: string, index: string | null = null): ChangeSummary => ({ kind, summary: [phrase], effects: [], index });
  switch (record.eventName) {
    case "UpdateTable":
      return updateTable(record, target, memory, failed);
    case "UpdateTimeToLive": {
      const spec = obj(member(request, "timeToLiveSpecification"));
      const attribute = str(member(spec, "attributeName"));
      return one("ttl", `TTL turned ${bool(member(spec, "enabled")) === false ? "off" : "on"}${attribute ? ` (attribute ${attribute})` : ""}`);
    }
    case "UpdateContinuousBackups": {
      const spec = obj(member(request, "pointInTimeRecoverySpecification"));
      const days = num(member(spec, "recoveryPeriodInDays"));
      const on = bool(member(spec, "pointInTimeRecoveryEnabled")) !== false;
      return one("backup", `point-in-time recovery turned ${on ? "on" : "off"}${on && days !== null ? ` (${n(days)} days)` : ""}`);
    }
    case "UpdateContributorInsights": {
      const index = str(member(request, "indexName"));
      const on = str(member(request, "contributorInsightsAction")) !== "DISABLE";
      const mode = str(member(request, "contributorInsightsMode"));
      return one("insights", `Contributor Insights turned ${on ? "on" : "off"} for ${index ? `GSI ${index}` : "the table"}${on && mode ? ` (${mode})` : ""}`, index);
    }
    case "UpdateKinesisStreamingDestination": {
      const precision = str(member(obj(member(request, "updateKinesisStreamingConfiguration")), "approximateCreationDateTimePrecision"));
      const stream = lastPart(str(member(request, "streamArn")));
      return one("stream", `Kinesis streaming${stream ? ` to ${stream}` : ""} updated${precision ? `: timestamp precision ${precision}` : ""}`);
    }
    case "EnableKinesisStreamingDestination":
    case "DisableKinesisStreamingDestination": {
      const stream = lastPart(str(member(request, "streamArn")));
      return one("stream", `Kinesis streaming${stream ? ` to ${stream}` : ""} turned ${record.eventName.startsWith("Enable") ? "on" : "off"}`);
    }
    case "TagResource": {
      const keys = list(member(request, "tags")).map((tag) => str(member(obj(tag), "key"))).filter((key): key is string => key !== null);
      return one("tags", keys.length > 0 ? `tags set: ${keys.join(", ")}` : "tags set");
    }
    case "UntagResource": {
      const keys = list(member(request, "tagKeys")).map(str).filter((key): key is string => key !== null);
      return one("tags", keys.length > 0 ? `tags removed: ${keys.join(", ")}` : "tags removed");
    }
    case "DeleteTable":
      return one("delete", "table deleted");
    case "CreateTable":
      return one("other", "table created");
    case "RestoreTableFromBackup": {
      const backup = lastPart(str(member(request, "backupArn")));
      return one("restore", `restored from backup${backup ? ` ${backup}` : ""}`);
    }
    case "RestoreTableToPointInTime": {
      const source = str(member(request, "sourceTableName")) ?? lastPart(str(member(request, "sourceTableArn")));
      const at = str(member(request, "restoreDateTime"));
      return one("restore", `restored from ${source ? `table ${source}` : "a table"} ${at ? `as of ${at}` : "at its latest restorable time"}`);
    }
    default:
      return one("other", record.eventName);
  }
}
