import { isBaselineOffset, type BaselineOffset } from "./baseline-window";
import { DEFAULT_METRIC_RANGE, isMetricRange, type MetricRange } from "./time-range";

export const REFRESH_OPTIONS = ["off", "30s", "1m", "5m"] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];
export const REFRESH_MS: Record<RefreshOption, number | false> = { off: false, "30s": 30_000, "1m": 60_000, "5m": 300_000 };

/** The capacity section's controls, as they live in the URL. A zoomed window (start/end) replaces the range. */
export type CapacityViewState = {
  range: MetricRange;
  start: number | null;
  end: number | null;
  refresh: RefreshOption;
  tz: "UTC" | "local";
  /** Which GSI the capacity charts show; null is the table itself. */
  gsi: string | null;
  /** The baseline the charts overlay and the summary compares with: the same window a day or a week earlier. */
  compare: "off" | BaselineOffset;
};

export const DEFAULT_CAPACITY_STATE: CapacityViewState = { range: DEFAULT_METRIC_RANGE, start: null, end: null, refresh: "1m", tz: "UTC", gsi: null, compare: "off" };

const epoch = (value: string | null) => (value !== null && /^\d{10,15}$/.test(value) ? Number(value) : null);

export function parseCapacityState(params: URLSearchParams): CapacityViewState {
  const range = params.get("range") ?? "";
  const refresh = params.get("refresh") ?? "";
  const start = epoch(params.get("start"));
  const end = epoch(params.get("end"));
  const zoomed = start !== null && end !== null && start < end;
  return {
    range: isMetricRange(range) ? range : DEFAULT_CAPACITY_STATE.range,
    start: zoomed ? start : null,
    end: zoomed ? end : null,
    refresh: (REFRESH_OPTIONS as readonly string[]).includes(refresh) ? (refresh as RefreshOption) : DEFAULT_CAPACITY_STATE.refresh,
    tz: params.get("tz") === "local" ? "local" : "UTC",
    gsi: params.get("gsi") || null,
    compare: isBaselineOffset(params.get("compare") ?? "") ? (params.get("compare") as BaselineOffset) : "off",
  };
}

/** Writes the capacity keys into existing search params, leaving other keys (other sections' state) alone. */
export function writeCapacityState(params: URLSearchParams, state: CapacityViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ["range", "start", "end", "refresh", "tz", "gsi", "compare"]) next.delete(key);
  if (state.start !== null && state.end !== null) {
    next.set("start", String(state.start));
    next.set("end", String(state.end));
  } else if (state.range !== DEFAULT_CAPACITY_STATE.range) {
    next.set("range", state.range);
  }
  if (state.refresh !== DEFAULT_CAPACITY_STATE.refresh) next.set("refresh", state.refresh);
  if (state.tz !== "UTC") next.set("tz", state.tz);
  if (state.gsi) next.set("gsi", state.gsi);
  if (state.compare !== "off") next.set("compare", state.compare);
  return next;
}

/**
 * The window alone (range, or a zoomed start and end): what the panels beside the charts ask for (diagnosis, alarms,
 * auto scaling, changes, hot keys). Toggling Compare then refetches only the metrics, which draw the baseline.
 */
export function windowQueryParams(state: CapacityViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.start !== null && state.end !== null) {
    params.set("start", String(state.start));
    params.set("end", String(state.end));
  } else {
    params.set("range", state.range);
  }
  return params;
}

/** The metrics API query for the current view: the window, and the baseline to draw with it. */
export function metricsQueryParams(state: CapacityViewState): URLSearchParams {
  const params = windowQueryParams(state);
  if (state.compare !== "off") params.set("compare", state.compare);
  return params;
}
