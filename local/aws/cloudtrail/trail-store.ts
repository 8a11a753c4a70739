import { scopeKey } from "../shared/sigv4-scope";
import { buildEvent, type ManagementCall, type StoredEvent } from "./trail-event";

/** CloudTrail's Event history keeps the last 90 days of management events per region. */
export const RETENTION_MS = 90 * 86_400_000;
/** The local store's own bound per account and region, so a long-running demo cannot grow without limit. */
export const MAX_EVENTS_PER_TENANT = 50_000;

export type LookupAttributeKey = "EventId" | "EventName" | "ReadOnly" | "Username" | "ResourceType" | "ResourceName" | "EventSource" | "AccessKeyId";

export const LOOKUP_ATTRIBUTE_KEYS: readonly LookupAttributeKey[] = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"];

export type LookupFilter = {
  attribute?: { key: LookupAttributeKey; value: string };
  startMs?: number;
  endMs?: number;
};

/** An event's place in LookupEvents' order: newest first, then latest recorded first. */
export type EventPosition = { timeMs: number; seq: number };

type Entry = { seq: number; event: StoredEvent };

function matches(event: StoredEvent, attribute: NonNullable<LookupFilter["attribute"]>): boolean {
  const { key, value } = attribute;
  switch (key) {
    case "EventId":
      return event.eventId === value;
    case "EventName":
      return event.eventName === value;
    case "ReadOnly":
      return String(event.readOnly) === value;
    case "Username":
      return event.username === value;
    case "ResourceType":
      return event.resources.some((resource) => resource.type === value);
    case "ResourceName":
      return event.resources.some((resource) => resource.name === value);
    case "EventSource":
      return event.eventSource === value;
    case "AccessKeyId":
      return event.accessKeyId === value;
  }
}

const before = (entry: Entry, position: EventPosition) => entry.event.eventTimeMs < position.timeMs || (entry.event.eventTimeMs === position.timeMs && entry.seq < position.seq);

/** One account's events in one region, kept oldest first (recording appends), read from the newest end. */
class TenantTrail {
  private entries: Entry[] = [];
  private nextSeq = 1;

  add(event: StoredEvent, nowMs: number): void {
    const entry = { seq: this.nextSeq++, event };
    // Usually the newest; events recorded on a simulated clock may arrive out of order, so insert in place.
    let index = this.entries.length;
    while (index > 0 && (this.entries[index - 1]?.event.eventTimeMs ?? -Infinity) > event.eventTimeMs) index--;
    this.entries.splice(index, 0, entry);
    const cutoff = nowMs - RETENTION_MS;
    let expired = 0;
    while (expired < this.entries.length && ((this.entries[expired]?.event.eventTimeMs ?? cutoff) < cutoff || this.entries.length - expired > MAX_EVENTS_PER_TENANT)) expired++;
    if (expired > 0) this.entries = this.entries.slice(expired);
  }

  /** Up to `limit` matching events after `after` (exclusive), and the position of the last one when more match. */
  lookup(filter: LookupFilter, nowMs: number, limit: number, after: EventPosition | undefined): { events: StoredEvent[]; next: EventPosition | undefined } {
    const oldest = Math.max(filter.startMs ?? -Infinity, nowMs - RETENTION_MS);
    const newest = filter.endMs ?? Infinity;
    const events: StoredEvent[] = [];
    let last: Entry | undefined;
    for (let index = this.entries.length - 1; index >= 0; index--) {
      const entry = this.entries[index];
      if (!entry || (after && !before(entry, after))) continue;
      const time = entry.event.eventTimeMs;
      if (time > newest) continue;
      if (time < oldest) break;
      if (filter.attribute && !matches(entry.event, filter.attribute)) continue;
      if (events.length === limit) return { events, next: last && { timeMs: last.event.eventTimeMs, seq: last.seq } };
      events.push(entry.event);
      last = entry;
    }
    return { events, next: undefined };
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Every account's and region's Event history, as the local CloudTrail keeps it. */
export class TrailStore {
  private readonly tenants = new Map<string, TenantTrail>();

  constructor(private readonly now: () => number = Date.now) {}

  private tenant(scope: { accountId: string; region: string }): TenantTrail {
    const key = scopeKey(scope);
    let trail = this.tenants.get(key);
    if (!trail) {
      trail = new TenantTrail();
      this.tenants.set(key, trail);
    }
    return trail;
  }

  /** Records a management call in the account and region it was made in; returns the stored event. */
  record(scope: { accountId: string; region: string }, call: ManagementCall): StoredEvent {
    const event = buildEvent(scope, call);
    this.tenant(scope).add(event, this.now());
    return event;
  }

  lookup(scope: { accountId: string; region: string }, filter: LookupFilter, limit: number, after?: EventPosition) {
    return this.tenant(scope).lookup(filter, this.now(), limit, after);
  }

  size(scope: { accountId: string; region: string }): number {
    return this.tenants.get(scopeKey(scope))?.size ?? 0;
  }
}
