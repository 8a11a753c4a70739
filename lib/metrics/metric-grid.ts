/** Lays CloudWatch datapoints onto a window's timestamp grid. Client-safe, pure. */
import { gridTimestamps, type MetricWindow } from "./metric-window";

/**
 * One value per grid timestamp; null where CloudWatch returned no datapoint. Never 0 for a gap: throttle metrics
 * publish nothing when nothing was throttled, and a missing point is not a measured zero.
 * `divisor` turns a per-period Sum into a per-second rate (pass the period in seconds).
 */
export function placeOnGrid(window: MetricWindow, timestamps: readonly number[], values: readonly number[], divisor = 1): Array<number | null> {
  const length = gridTimestamps(window).length;
  const periodMs = window.periodSeconds * 1000;
  const placed = new Array<number | null>(length).fill(null);
  timestamps.forEach((timestampMs, position) => {
    const value = values[position];
    if (value === undefined) return;
    // Datapoints are labelled with their period's start, which the aligned window shares; anything outside the
    // grid (CloudWatch includes the start instant but we asked for an exclusive end) has no slot.
    const index = Math.floor((timestampMs - window.startMs) / periodMs);
    if (index < 0 || index >= length) return;
    placed[index] = value / divisor;
  });
  return placed;
}
