/**
 * Baseline verdicts: traffic far from the usual for this hour, and throttling that also happened at this hour last
 * week. "Usual" is the same window one day AND one week earlier (baseline-window.ts); the window must depart from
 * both, so a weekly rhythm (Monday's peak) is not called unusual against Sunday, nor a daily one against last week's
 * quiet night. Client-safe, pure.
 *
 * Throttling last week is noted as evidence on the verdicts about today's throttling, not as a verdict of its own: it
 * changes how to read those verdicts (a recurring peak the capacity never covered, rather than something new today),
 * and a second entry repeating the throttling would make one problem look like two.
 */
import { compareWithBaseline, ratioText, sameTimeText, type MeasureComparison } from "@/lib/metrics/baseline-compare";
import { BASELINE_OFFSETS, type BaselineOffset } from "@/lib/metrics/baseline-window";
import type { MetricsBaseline } from "@/lib/metrics/metrics-response";
import { findSeries } from "@/lib/metrics/series-lookup";
import type { Evidence, TimeWindow, Verdict } from "./diagnosis-types";
import { amount, capitalize, count, windowText } from "./evidence-text";
import { firedThrottles } from "./metric-facts";
import type { RuleContext } from "./rule-context";

/** The diagnosis's baselines of the window: its consumption and throttle series a day and a week earlier. */
export type DiagnosisBaselines = Record<BaselineOffset, MetricsBaseline>;
/** null or absent: the baselines could not be read (the overview says so), and no baseline verdict is given. */
export type BaselinesInput = { baselines?: DiagnosisBaselines | null };

type Measure = "reads" | "writes";
type Departure = { measure: Measure; direction: "up" | "down"; ratio: number; weight: number; against: Record<BaselineOffset, MeasureComparison> };

const METRIC: Record<Measure, string> = { reads: "ConsumedReadCapacityUnits", writes: "ConsumedWriteCapacityUnits" };

/** Units per second on average over the periods with data. */
function mean(side: MeasureComparison["live"], periodSeconds: number): number {
  return side && side.periods > 0 ? side.total / (side.periods * periodSeconds) : 0;
}

/** The measure departs from BOTH baselines the same way, by at least the ratio, with enough traffic to matter. */
function departure(ctx: RuleContext, measure: Measure, against: Record<BaselineOffset, MeasureComparison>): Departure | null {
  const { unusualTrafficRatio: factor, unusualTrafficMinUnitsPerSecond: minimum } = ctx.thresholds;
  const ratios: number[] = [];
  for (const offset of BASELINE_OFFSETS) {
    const entry = against[offset];
    // No baseline data, no live data, or nothing then: there is no "usual" to depart from.
    if (entry.status !== "compared" || entry.totalRatio === null) return null;
    if (Math.max(mean(entry.live, ctx.metrics.period), mean(entry.past, ctx.metrics.period)) < minimum) return null;
    ratios.push(entry.totalRatio);
  }
  // The smaller departure of the two is the one both baselines agree on.
  if (ratios.every((ratio) => ratio >= factor)) return { measure, direction: "up", ratio: Math.min(...ratios), weight: Math.min(...ratios), against };
  if (ratios.every((ratio) => ratio <= 1 / factor)) return { measure, direction: "down", ratio: Math.max(...ratios), weight: 1 / Math.max(...ratios), against };
  return null;
}

const pastWindow = (baseline: MetricsBaseline): TimeWindow => ({ start: baseline.start, end: baseline.end });
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function evidenceOf(ctx: RuleContext, found: Departure, baselines: DiagnosisBaselines): Evidence[] {
  const consumed = findSeries(ctx.metrics, { metric: METRIC[found.measure], stat: "Sum", index: null, perSecond: true });
  const link = consumed ? { kind: "chart" as const, seriesId: consumed.id } : undefined;
  const unit = consumed?.unit ?? "units/s";
  const period = ctx.metrics.period;
  const window = { start: ctx.metrics.start, end: ctx.metrics.end };
  const live = found.against["1d"].live;
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: METRIC[found.measure],
      label: `${capitalize(found.measure)} on the table averaged ${amount(mean(live, period))} ${unit} ${windowText(window)}, at most ${amount(live?.peak ?? 0)} ${unit}`,
      window,
      link,
    },
  ];
  for (const offset of BASELINE_OFFSETS) {
    const entry = found.against[offset];
    const past = pastWindow(baselines[offset]);
    if (!entry.past || entry.totalRatio === null) continue;
    const when = capitalize(sameTimeText({ offset, windowMs: window.end - window.start }));
    evidence.push({
      source: "metric",
      metric: METRIC[found.measure],
      label: `${when} (${dayOf(past.start)}, ${windowText(past)}): ${amount(mean(entry.past, period))} ${unit} on average, at most ${amount(entry.past.peak)} ${unit}; now ${ratioText(entry.totalRatio)}`,
      window: past,
      link,
    });
  }
  return evidence;
}

function suggestionOf(found: Departure, throttled: boolean): string {
  if (found.direction === "up") {
    const cause = "If it is expected (a launch, a batch job, a backfill), nothing needs doing; otherwise find the client that sends the extra traffic.";
    return throttled
      ? `${cause} It coincides with requests being turned away: capacity sized for the usual traffic does not cover it, so either the traffic or the capacity has to change.`
      : `${cause} Capacity sized for the usual traffic may not cover it if it keeps growing.`;
  }
  const cause = "A drop this large often means a client stopped, or fails before it reaches the table (an outage or a deploy upstream): check the application.";
  return throttled ? `${cause} Part of it can be requests being turned away, which consume no capacity and so do not show in these figures.` : cause;
}

/**
 * "Traffic is 3.1× the usual for this hour": consumed reads or writes of the table at least `unusualTrafficRatio`
 * times both baselines, or at most 1/that, with the busier side averaging `unusualTrafficMinUnitsPerSecond`. Info;
 * a warning when the window has throttling too. Nothing without both baselines.
 */
export function unusualTrafficVerdicts(ctx: RuleContext, baselines: DiagnosisBaselines | null | undefined): Verdict[] {
  if (!baselines) return [];
  const comparisons = Object.fromEntries(BASELINE_OFFSETS.map((offset) => [offset, compareWithBaseline(ctx.metrics, baselines[offset], null)])) as Record<BaselineOffset, ReturnType<typeof compareWithBaseline>>;
  const found = (["writes", "reads"] as const)
    .map((measure) => departure(ctx, measure, { "1d": comparisons["1d"].measures[measure], "1w": comparisons["1w"].measures[measure] }))
    .filter((entry): entry is Departure => entry !== null)
    .sort((a, b) => b.weight - a.weight);
  const [main, other] = found;
  if (!main) return [];
  const throttled = ctx.facts.some((resource) => firedThrottles(resource).length > 0);
  const span = ctx.metrics.end - ctx.metrics.start <= 90 * 60_000 ? "this hour" : "this time";
  const measures = other && other.direction === main.direction ? `${main.measure}, and ${other.measure} ${ratioText(other.ratio)}` : main.measure;
  return [
    {
      kind: "unusual-traffic",
      severity: throttled ? "warning" : "info",
      title: `Traffic is ${ratioText(main.ratio)} the usual for ${span} (${measures}, against the same ${span === "this hour" ? "hour" : "time"} yesterday and last week).`,
      index: null,
      evidence: found.flatMap((entry) => evidenceOf(ctx, entry, baselines)),
      suggestion: suggestionOf(main, throttled),
    },
  ];
}

const THROTTLE_METRIC = /^(Read|Write)\w*ThrottleEvents$/;

/** Read or Write throttle events of one resource a week earlier: the total, and from the first to the last period with any. */
function lastWeek(ctx: RuleContext, baseline: MetricsBaseline, index: string | null, direction: "Read" | "Write"): { series: string; total: number; window: TimeWindow } | null {
  const past = findSeries({ ...ctx.metrics, series: baseline.series }, { metric: `${direction}ThrottleEvents`, stat: "Sum", index });
  const live = findSeries(ctx.metrics, { metric: `${direction}ThrottleEvents`, stat: "Sum", index });
  if (!past) return null;
  const periodMs = ctx.metrics.period * 1000;
  let total = 0;
  let first: number | null = null;
  let last: number | null = null;
  past.values.forEach((value, i) => {
    if (value === null || value <= 0) return;
    total += value;
    first ??= i;
    last = i;
  });
  if (first === null || last === null) return null;
  return { series: (live ?? past).id, total, window: { start: baseline.start + first * periodMs, end: baseline.start + last * periodMs + periodMs } };
}

/**
 * Each verdict about today's throttling (its evidence names a throttle metric) gains a line when the same resource
 * and direction also throttled in the same window last week: "Throttling also happened the same hour last week:
 * 1,130 WriteThrottleEvents between 14:05 and 14:40 UTC on 2025-02-24".
 */
export function withLastWeekThrottling(ctx: RuleContext, verdicts: readonly Verdict[], baselines: DiagnosisBaselines | null | undefined): Verdict[] {
  const week = baselines?.["1w"];
  if (!week) return [...verdicts];
  const same = sameTimeText({ offset: "1w", windowMs: ctx.metrics.end - ctx.metrics.start });
  return verdicts.map((verdict) => {
    const directions = new Set(verdict.evidence.flatMap((entry) => THROTTLE_METRIC.exec(entry.metric ?? "")?.[1] ?? []));
    const notes: Evidence[] = [];
    for (const direction of ["Read", "Write"] as const) {
      if (!directions.has(direction)) continue;
      const found = lastWeek(ctx, week, verdict.index ?? null, direction);
      if (!found) continue;
      notes.push({
        source: "metric",
        metric: `${direction}ThrottleEvents`,
        label: `Throttling also happened ${same}: ${count(found.total)} ${direction}ThrottleEvents${verdict.index ? ` on the index ${verdict.index}` : ""} ${windowText(found.window)} on ${dayOf(found.window.start)}`,
        window: found.window,
        link: { kind: "chart", seriesId: found.series },
      });
    }
    return notes.length === 0 ? verdict : { ...verdict, evidence: [...verdict.evidence, ...notes] };
  });
}
