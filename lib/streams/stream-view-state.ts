import { STREAM_EVENT_NAMES, type StreamEventName } from "./stream-types";

/**
 * The stream page's view state as it lives in the URL, so a link reproduces the tab, the tail's filters and the time
 * zone. Pausing is deliberately not here: a shared link should show live writes, not someone's frozen screen.
 * Parsing is forgiving (nonsense falls back to defaults); the API validates strictly.
 */
export type StreamViewState = {
  tab: "tail" | "sample";
  /** Event names the tail shows; never empty (all three when the URL says nothing usable). */
  events: StreamEventName[];
  /** Shows records whose partition key starts with this text; "" for all. */
  keyPrefix: string;
  /** The same `tz` parameter the table page's capacity controls use, so a link keeps the reader's time zone. */
  tz: "UTC" | "local";
};

export const DEFAULT_STREAM_VIEW: StreamViewState = { tab: "tail", events: [...STREAM_EVENT_NAMES], keyPrefix: "", tz: "UTC" };

const STREAM_VIEW_KEYS = ["tab", "events", "keyPrefix", "tz"] as const;

/** Event names in their canonical order (INSERT, MODIFY, REMOVE), unknown ones dropped, duplicates merged. */
function canonicalEvents(names: readonly string[]): StreamEventName[] {
  return STREAM_EVENT_NAMES.filter((name) => names.includes(name));
}

export function parseStreamViewState(params: URLSearchParams): StreamViewState {
  const events = canonicalEvents((params.get("events") ?? "").split(","));
  return {
    tab: params.get("tab") === "sample" ? "sample" : "tail",
    events: events.length > 0 ? events : [...STREAM_EVENT_NAMES],
    keyPrefix: params.get("keyPrefix") ?? "",
    tz: params.get("tz") === "local" ? "local" : "UTC",
  };
}

/** Writes the stream keys into existing search params (keeping the scope and anything else), defaults left out. */
export function writeStreamViewState(params: URLSearchParams, state: StreamViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of STREAM_VIEW_KEYS) next.delete(key);
  if (state.tab !== "tail") next.set("tab", state.tab);
  const events = canonicalEvents(state.events);
  if (events.length > 0 && events.length < STREAM_EVENT_NAMES.length) next.set("events", events.join(","));
  if (state.keyPrefix !== "") next.set("keyPrefix", state.keyPrefix);
  if (state.tz !== "UTC") next.set("tz", state.tz);
  return next;
}

/** True when the tail shows every record: no event or key filter. */
export function isUnfiltered(state: Pick<StreamViewState, "events" | "keyPrefix">): boolean {
  return state.keyPrefix === "" && canonicalEvents(state.events).length === STREAM_EVENT_NAMES.length;
}

/**
 * Turns one event name on or off. The last one shown stays on: an empty selection would show nothing at all, which
 * reads like a stream with no writes.
 */
export function toggleEvent(events: readonly StreamEventName[], name: StreamEventName): StreamEventName[] {
  const current = canonicalEvents(events);
  if (!current.includes(name)) return canonicalEvents([...current, name]);
  return current.length === 1 ? current : current.filter((event) => event !== name);
}
