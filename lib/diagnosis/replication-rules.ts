/**
 * Replica lag: a global table's changes reaching one of its other regions late, read off ReplicationLatency
 * (Average and Maximum, ms) and PendingReplicationCount (where published) per ReceivingRegion, as the region being
 * read publishes them.
 *
 * "Stays high" is a stretch of datapoints whose Average delay is above `replicaLagMs`, lasting `replicaLagMinDurationMs`
 * from the start of its first period to the end of its last, or such datapoints making up `replicaLagMinShare` of the
 * window's (a delay that keeps coming back). Periods without a datapoint neither end a stretch nor count in it:
 * DynamoDB aggregates this metric over five minutes, so one-minute periods have gaps, and a gap shows no recovery.
 */
import { formatDuration } from "@/lib/format/format-duration";
import type { MetricSeries } from "@/lib/metrics/metrics-response";
import { findSeries, hasData } from "@/lib/metrics/series-lookup";
import type { ReplicaDetail } from "@/lib/tables/table-detail";
import type { Evidence, Severity, TimeWindow, Verdict } from "./diagnosis-types";
import { count, utcTime, windowText } from "./evidence-text";
import type { RuleContext } from "./rule-context";

type Point = { at: number; value: number };
type Stretch = { points: Point[]; window: TimeWindow };

/** The share rule needs a few datapoints: two high hourly averages out of three say little about "keeps coming back". */
const MIN_HIGH_POINTS_FOR_SHARE = 3;

function points(ctx: RuleContext, series: MetricSeries | null): Point[] {
  if (!series) return [];
  return series.values.flatMap((value, i) => {
    const at = ctx.metrics.timestamps[i];
    return value === null || at === undefined ? [] : [{ at, value }];
  });
}

/** Runs of consecutive datapoints above the threshold, in time order. */
function highStretches(all: readonly Point[], thresholdMs: number, periodMs: number): Stretch[] {
  const stretches: Stretch[] = [];
  let open: Stretch | null = null;
  for (const point of all) {
    if (point.value <= thresholdMs) {
      open = null;
      continue;
    }
    if (open) {
      open.points.push(point);
      open.window.end = point.at + periodMs;
    } else {
      open = { points: [point], window: { start: point.at, end: point.at + periodMs } };
      stretches.push(open);
    }
  }
  return stretches;
}

const duration = (window: TimeWindow) => window.end - window.start;

/** Nearest-rank percentile of the values (q in 0..1); null for none. */
function percentile(values: readonly number[], q: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? null;
}

function peakOf(all: readonly Point[]): Point | null {
  return all.reduce<Point | null>((best, point) => (best === null || point.value > best.value ? point : best), null);
}

/** Plain words for the title, from the stretch's typical delay: no units, no figures a reader must decode. */
function lateness(typicalMs: number): string {
  if (typicalMs >= 120_000) return "minutes";
  if (typicalMs >= 60_000) return "over a minute";
  return typicalMs >= 10_000 ? "tens of seconds" : "seconds";
}

type Pending = { evidence: Evidence; growing: boolean };

/** The backlog over the window; growing when it ends the stretch higher than it started it. Missing is "not published". */
function pendingFacts(ctx: RuleContext, replica: ReplicaDetail, stretch: Stretch): Pending {
  const series = findSeries(ctx.metrics, { metric: "PendingReplicationCount", stat: "Maximum", receivingRegion: replica.region });
  const whole = { start: ctx.metrics.start, end: ctx.metrics.end };
  const link = series ? { kind: "chart" as const, seriesId: series.id } : undefined;
  const all = points(ctx, series);
  const peak = peakOf(all);
  if (!peak) {
    const version = ctx.input.table.globalTableVersion;
    return {
      growing: false,
      evidence: {
        source: "metric",
        metric: "PendingReplicationCount",
        label:
          `How many updates were waiting to be copied to ${replica.region} was not published ${windowText(whole)}: DynamoDB publishes PendingReplicationCount only for some global table versions` +
          `${version ? ` (this table's is ${version})` : ""}, so the backlog is unknown, not zero`,
        window: whole,
        link,
      },
    };
  }
  const inStretch = all.filter((point) => point.at >= stretch.window.start && point.at < stretch.window.end);
  const first = inStretch[0];
  const last = inStretch.at(-1);
  const growing = first !== undefined && last !== undefined && last.at > first.at && last.value > first.value;
  const trend = first && last && last.at > first.at ? `; ${count(first.value)} at ${utcTime(first.at)} UTC and ${count(last.value)} at ${utcTime(last.at)} UTC` : "";
  return {
    growing,
    evidence: {
      source: "metric",
      metric: "PendingReplicationCount",
      label: `Up to ${count(peak.value)} updates were waiting to be copied to ${replica.region} (${utcTime(peak.at)} UTC) ${windowText(whole)}${trend}`,
      window: whole,
      link,
    },
  };
}

function replicaVerdict(ctx: RuleContext, replica: ReplicaDetail): Verdict | null {
  const t = ctx.thresholds;
  const region = replica.region;
  const average = findSeries(ctx.metrics, { metric: "ReplicationLatency", stat: "Average", receivingRegion: region });
  if (!average || !hasData(average.values)) return null;
  const maximum = findSeries(ctx.metrics, { metric: "ReplicationLatency", stat: "Maximum", receivingRegion: region });
  const periodMs = ctx.metrics.period * 1000;
  const all = points(ctx, average);
  const stretches = highStretches(all, t.replicaLagMs, periodMs);
  const highPoints = stretches.reduce((sum, stretch) => sum + stretch.points.length, 0);
  const share = highPoints / all.length;
  const longest = stretches.reduce<Stretch | null>((best, stretch) => (best === null || duration(stretch.window) > duration(best.window) ? stretch : best), null);
  const lasting = longest !== null && duration(longest.window) >= t.replicaLagMinDurationMs;
  const recurring = highPoints >= MIN_HIGH_POINTS_FOR_SHARE && share >= t.replicaLagMinShare;
  if (!longest || (!lasting && !recurring)) return null;

  const lastPoint = all.at(-1);
  const current = stretches.find((stretch) => stretch.points.at(-1) === lastPoint) ?? null;
  // The stretch to report: the one still going at the last datapoint, else the longest.
  const stretch = current ?? longest;
  const pending = pendingFacts(ctx, replica, stretch);
  const lastValue = lastPoint?.value ?? 0;
  // Critical only while it is still behind: a backlog that keeps growing, or changes five minutes late right now,
  // is stale data for that region's readers today and changes a failover would miss. A stretch that ended is a warning.
  const severity: Severity = current !== null && (pending.growing || lastValue >= t.replicaLagCriticalMs) ? "critical" : "warning";

  const whole = { start: ctx.metrics.start, end: ctx.metrics.end };
  const threshold = formatDuration(t.replicaLagMs);
  const averageLink = { kind: "chart" as const, seriesId: average.id };
  const since =
    current && lastPoint
      ? `since ${utcTime(stretch.window.start)} UTC, ${formatDuration(lastPoint.at + periodMs - stretch.window.start)} up to the last datapoint (${formatDuration(lastPoint.value)} at ${utcTime(lastPoint.at)} UTC)`
      : `${windowText(stretch.window)} (${formatDuration(duration(stretch.window))}); the delay was back under ${threshold} afterwards`;
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: "ReplicationLatency",
      label: `Changes took more than ${threshold} on average to reach ${region} ${since}`,
      window: stretch.window,
      link: averageLink,
    },
  ];
  if (longest !== stretch && duration(longest.window) > duration(stretch.window)) {
    evidence.push({
      source: "metric",
      metric: "ReplicationLatency",
      label: `Before that, the longest stretch above ${threshold} was ${windowText(longest.window)} (${formatDuration(duration(longest.window))})`,
      window: longest.window,
      link: averageLink,
    });
  }
  const peakPoints = maximum && hasData(maximum.values) ? points(ctx, maximum) : all;
  const peak = peakOf(peakPoints);
  const p90 = percentile(
    all.map((point) => point.value),
    0.9,
  );
  if (peak && p90 !== null) {
    evidence.push({
      source: "metric",
      metric: "ReplicationLatency",
      label:
        `The delay to ${region} peaked at ${formatDuration(peak.value)} at ${utcTime(peak.at)} UTC (${peakPoints === all ? "average" : "slowest change"} in a period); ` +
        `90% of the period averages were at most ${formatDuration(p90)}, and ${highPoints} of ${all.length} were above ${threshold}, ${windowText(whole)}`,
      window: whole,
      link: maximum && peakPoints !== all ? { kind: "chart", seriesId: maximum.id } : averageLink,
    });
  }
  evidence.push(pending.evidence);
  if (replica.status !== "ACTIVE") {
    evidence.push({
      source: "table",
      label: `DynamoDB reports the replica in ${region} as ${replica.status}${replica.statusDescription ? `: ${replica.statusDescription}` : ""}`,
      window: whole,
    });
  }

  const typical = percentile(
    stretch.points.map((point) => point.value),
    0.5,
  );
  return {
    kind: "replica-lag",
    severity,
    title: `The copy of this table in ${region} is falling behind: changes reach it ${lateness(typical ?? t.replicaLagMs)} late.`,
    region,
    evidence,
    suggestion:
      `Readers in ${region} see older data until it catches up, and changes not yet copied would be missing there if this region failed. ` +
      `Every replica takes the writes of every region, so check that the table in ${region} has as much write capacity as this one (or auto scaling, or on-demand) and isn't turning writes away; ` +
      `its own page shows that. If AWS reports a problem in ${region}, send its readers and writers to a region that is keeping up until it recovers.`,
  };
}

/** One verdict per receiving region that stays behind. A region without delay datapoints says nothing: no data is no verdict. */
export function replicationVerdicts(ctx: RuleContext): Verdict[] {
  return ctx.input.table.replicas.flatMap((replica) => replicaVerdict(ctx, replica) ?? []);
}
