/**
 * How long one write takes to reach another region's replica, as a function of when it was written. A pure function
 * of time, so the simulated history and the live proxy fall behind at the same wall-clock times.
 */
export type LagModel = (writtenAtMs: number) => number;

const MINUTE_MS = 60_000;

/** A deterministic value in [0, 1) for each whole second, so the jitter is reproducible. */
function secondNoise(atMs: number): number {
  let x = Math.floor(atMs / 1000) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x ^= x >>> 16;
  return (x >>> 0) / 4294967296;
}

/** Replication keeping up: between `minMs` and `maxMs` (AWS's global tables typically replicate within a second or two). */
export function steadyLag(minMs = 500, maxMs = 2_000): LagModel {
  return (writtenAtMs) => minMs + (maxMs - minMs) * secondNoise(writtenAtMs);
}

export type FallingBehind = {
  /** One stretch of falling behind starts every period… */
  periodMs: number;
  /** …at this offset into the period, counted from the epoch. */
  offsetMs: number;
  /** The lag climbs to `peakMs` extra over `riseMs`, stays there for `holdMs`, then drains back over `recoverMs`. */
  riseMs: number;
  holdMs: number;
  recoverMs: number;
  peakMs: number;
};

/**
 * The demo's eu-west-1 replica: every half hour, at :20 and :50 past the hour, it falls behind for 20 minutes (up to
 * about 3 minutes late for 12 of them), then keeps up for 10. The product's replica-lag verdict wants more than a
 * minute of delay for 15 minutes in a row, or over half the window (diagnosis-thresholds.ts): each stretch holds about
 * 17 such minutes, and any 30-minute window over half, so the verdict shows on a 1-hour chart, a 3-hour chart and the
 * e2e tests' 30 minutes of history alike.
 */
export const DEMO_FALLING_BEHIND: FallingBehind = {
  periodMs: 30 * MINUTE_MS,
  offsetMs: 20 * MINUTE_MS,
  riseMs: 4 * MINUTE_MS,
  holdMs: 12 * MINUTE_MS,
  recoverMs: 4 * MINUTE_MS,
  peakMs: 180_000,
};

/**
 * Normal lag with stretches of falling behind. The lag falls by less than a second per second while it recovers,
 * so writes still arrive in the order they were made.
 */
export function fallingBehindLag(stretch: FallingBehind, normal: LagModel = steadyLag()): LagModel {
  return (writtenAtMs) => {
    const phase = (((writtenAtMs - stretch.offsetMs) % stretch.periodMs) + stretch.periodMs) % stretch.periodMs;
    let extra = 0;
    const draining = stretch.riseMs + stretch.holdMs;
    if (phase < stretch.riseMs) extra = stretch.peakMs * (phase / stretch.riseMs);
    else if (phase < draining) extra = stretch.peakMs;
    else if (phase < draining + stretch.recoverMs) extra = stretch.peakMs * (1 - (phase - draining) / stretch.recoverMs);
    return normal(writtenAtMs) + extra;
  };
}

/** Whether `atMs` falls inside one of the stretch's falling-behind windows. */
export function isFallingBehind(stretch: FallingBehind, atMs: number): boolean {
  const phase = (((atMs - stretch.offsetMs) % stretch.periodMs) + stretch.periodMs) % stretch.periodMs;
  return phase < stretch.riseMs + stretch.holdMs + stretch.recoverMs;
}
