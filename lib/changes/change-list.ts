/**
 * From LookupEvents' events to the change history: each write call on a DynamoDB table or its auto scaling, oldest
 * first, summarized, and then one table's part of it. Client-safe, pure: the server feeds it what CloudTrail returned.
 */
import { changeError, summarizeChange } from "./change-summary";
import { ChangeMemory } from "./change-memory";
import { changeTarget, isReadOnlyCall, whoOf } from "./change-target";
import type { TableChange } from "./change-types";
import { parseCloudTrailRecord } from "./cloudtrail-record";

/** LookupEvents' Event, reduced to what the history reads. */
export type TrailEvent = {
  id: string;
  /** EventTime, epoch ms. */
  at: number;
  eventName: string;
  eventSource: string;
  username: string | null;
  /** LookupEvents' ReadOnly ("true"/"false"), null when absent. */
  readOnly: boolean | null;
  /** LookupEvents' Resources' names: a table name or ARN for DynamoDB's calls. */
  resourceNames: string[];
  /** CloudTrailEvent: the full record, as a JSON string. */
  record: string;
};

/** A change and the table it belongs to. */
export type ScopeChange = TableChange & { table: string };

/**
 * Every change the events hold, oldest first. CloudTrail's event times are whole seconds, so calls within one second
 * keep the order they are given in: pass each source's events oldest first (LookupEvents lists newest first). Read
 * calls are left out; events whose record cannot be read are counted, not guessed at. Each event is listed once.
 */
export function scopeChangesFrom(events: readonly TrailEvent[]): { changes: ScopeChange[]; unreadable: number } {
  const unique = new Map(events.map((event) => [event.id, event]));
  // Array.prototype.sort is stable: equal times keep the given order.
  const ordered = [...unique.values()].sort((a, b) => a.at - b.at);
  const memory = new ChangeMemory();
  const changes: ScopeChange[] = [];
  let unreadable = 0;
  for (const event of ordered) {
    if (isReadOnlyCall(event.eventName, event.readOnly)) continue;
    const record = parseCloudTrailRecord(event.record);
    if (!record) {
      unreadable++;
      continue;
    }
    const target = changeTarget(record, event.resourceNames);
    if (!target) continue;
    const summary = summarizeChange(record, target, memory);
    const { who, automatic } = whoOf(record, event.username);
    changes.push({
      table: target.table,
      id: event.id,
      at: event.at,
      eventName: event.eventName,
      eventSource: event.eventSource,
      who,
      whoDigested: false,
      resource: summary.index === null ? `table/${target.table}` : `table/${target.table}/index/${summary.index}`,
      index: summary.index,
      kind: summary.kind,
      summary: summary.summary,
      error: changeError(record),
      effects: summary.effects,
      automatic,
    });
  }
  return { changes, unreadable };
}

function withoutTable({ table, ...change }: ScopeChange): TableChange {
  void table;
  return change;
}

/** The table's changes within [start, end), without the scope-level `table` field. */
export function tableChangesIn(changes: readonly ScopeChange[], table: string, window: { start: number; end: number }): TableChange[] {
  return changes
    .filter((change) => change.table === table && change.at >= window.start && change.at < window.end)
    .map(withoutTable);
}
