import "server-only";
import { LookupEventsCommand, type Event as CloudTrailEvent } from "@aws-sdk/client-cloudtrail";
import { scopeChangesFrom, type ScopeChange, type TrailEvent } from "@/lib/changes/change-list";
import { CHANGE_EVENT_SOURCES } from "@/lib/changes/change-target";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { cloudtrail } from "@/lib/server/aws/clients";
import { changesFailure, isLookupThrottled } from "./changes-failure";
import { LookupPacer } from "./lookup-pacer";
import { TtlCache } from "@/lib/server/cache/ttl-cache";

/*
 * The change history of an account and region, read once per window whoever asks: LookupEvents has no per-table
 * filter that covers both services (a lookup takes ONE attribute, and auto scaling's events name the table only in
 * their request), so one paged lookup per event source serves every table page, the overview and the report. It is
 * cached as long as the window's metrics are (a minute while it reaches now) and coalesced while in flight, so 50
 * viewers cost one read; every page of it goes through the scope's pacer (two lookups a second at most).
 */

/** LookupEvents' largest page. */
const PAGE_SIZE = 50;
/** Per event source. Beyond it (1,000 events in the window) the oldest are left unread and the response says so. */
export const MAX_LOOKUP_PAGES = 20;
/** CloudTrail's event history holds the last 90 days of management events. */
const HISTORY_MS = 90 * 86_400_000;
/** A throttled (partial) read is tried again after this long, not kept for the window's whole cache time. */
const THROTTLED_TTL_MS = 10_000;

export type ReadWindow = { startMs: number; endMs: number };

export type ScopeChanges = {
  /** Oldest first; every table of the scope. */
  changes: ScopeChange[];
  /** False when a source's lookup stopped before the window's start (paging cap, throttling). */
  complete: boolean;
  incompleteReason: string | null;
  /** Records that could not be parsed, left out. */
  unreadable: number;
};

type SourceRead = { events: TrailEvent[]; complete: boolean; reason: string | null };

const pacer = new LookupPacer();
// Keyed per account, region and read window: a few windows per scope at once (page, overview, incident window).
const cache = new TtlCache<ScopeChanges & { throttled: boolean }>(500);

function trailEvent(event: CloudTrailEvent): TrailEvent | null {
  if (!event.EventId || !event.EventName || !event.EventSource || !event.EventTime || !event.CloudTrailEvent) return null;
  return {
    id: event.EventId,
    at: event.EventTime.getTime(),
    eventName: event.EventName,
    eventSource: event.EventSource,
    username: event.Username ?? null,
    readOnly: event.ReadOnly === "true" ? true : event.ReadOnly === "false" ? false : null,
    resourceNames: (event.Resources ?? []).map((resource) => resource.ResourceName).filter((name): name is string => typeof name === "string"),
    record: event.CloudTrailEvent,
  };
}

/**
 * One event source's events in the window, newest first as LookupEvents returns them, following NextToken (valid
 * only with the same parameters) up to MAX_LOOKUP_PAGES. A throttled page ends the read with what was read.
 */
async function readSource(scope: Scope, source: string, window: ReadWindow): Promise<SourceRead> {
  const client = cloudtrail(scope);
  const events: TrailEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    const token = nextToken;
    let output;
    try {
      output = await pacer.run(scopeKey(scope), () =>
        client.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: source }],
            StartTime: new Date(window.startMs),
            EndTime: new Date(window.endMs),
            MaxResults: PAGE_SIZE,
            NextToken: token,
          }),
        ),
      );
    } catch (error) {
      if (!isLookupThrottled(error)) throw changesFailure(error);
      return { events, complete: false, reason: `CloudTrail throttled the change history's lookup (LookupEvents allows 2 requests per second per account and region), so changes older than those listed may be missing; it is read again within ${THROTTLED_TTL_MS / 1000} s.` };
    }
    for (const event of output.Events ?? []) {
      const parsed = trailEvent(event);
      if (parsed) events.push(parsed);
    }
    nextToken = output.NextToken;
    if (!nextToken) return { events, complete: true, reason: null };
  }
  return { events, complete: false, reason: `More than ${MAX_LOOKUP_PAGES * PAGE_SIZE} ${source} events in the window: the oldest were not read.` };
}

async function readScope(scope: Scope, window: ReadWindow, nowMs: number): Promise<ScopeChanges & { throttled: boolean }> {
  const startMs = Math.max(window.startMs, nowMs - HISTORY_MS);
  if (startMs >= window.endMs) return { changes: [], complete: true, incompleteReason: null, unreadable: 0, throttled: false };
  const reads = await Promise.all(CHANGE_EVENT_SOURCES.map((source) => readSource(scope, source, { startMs, endMs: window.endMs })));
  // Each read is newest first, as LookupEvents lists; oldest first, calls within one second keep their order.
  const { changes, unreadable } = scopeChangesFrom(reads.flatMap((read) => [...read.events].reverse()));
  const reasons = reads.map((read) => read.reason).filter((reason): reason is string => reason !== null);
  return {
    changes,
    complete: reasons.length === 0 && window.startMs === startMs,
    incompleteReason: reasons.length > 0 ? reasons.join(" ") : window.startMs === startMs ? null : "CloudTrail keeps 90 days of management events; older changes cannot be read.",
    unreadable,
    throttled: reads.some((read) => read.reason?.startsWith("CloudTrail throttled") === true),
  };
}

/**
 * The scope's changes in the read window, shared by every caller of the same window for `ttlMs` (a throttled,
 * partial read for 10 s only) and coalesced while in flight.
 */
export async function scopeChanges(scope: Scope, window: ReadWindow, ttlMs: number, nowMs: number = Date.now()): Promise<ScopeChanges> {
  const loaded = await cache.get(
    JSON.stringify([scopeKey(scope), window.startMs, window.endMs]),
    (read) => (read.throttled ? Math.min(ttlMs, THROTTLED_TTL_MS) : ttlMs),
    () => readScope(scope, window, nowMs),
  );
  return { changes: loaded.changes, complete: loaded.complete, incompleteReason: loaded.incompleteReason, unreadable: loaded.unreadable };
}

/** Tests only: forget every cached read. */
export function clearScopeChanges(): void {
  cache.clear();
}
