import type { CapacityViewState } from "./capacity-view-state";
import { RANGE_DURATION_MS } from "./time-range";

const MINUTE_MS = 60_000;

/**
 * The page's window as absolute times, for a report: a zoomed window as it is, a relative range ending at the last
 * whole minute (so the report and a link to it show the same minutes whenever they are opened). Client-safe.
 */
export function frozenWindow(state: Pick<CapacityViewState, "range" | "start" | "end">, nowMs: number): { start: number; end: number } {
  if (state.start !== null && state.end !== null) return { start: state.start, end: state.end };
  const end = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  return { start: end - RANGE_DURATION_MS[state.range], end };
}
