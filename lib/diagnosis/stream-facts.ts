/**
 * Hot-key evidence from a stream sample: which key took most of the table's writes while the stream was read. A stream
 * records every successful write to the base table, by key, so it can name a hot writer with Contributor Insights off.
 * It sees no reads and no index writes, so it speaks only for the table's writes.
 */
import type { ContributorInsightsResource, DiagnosisThresholds, Evidence, StreamSampledKey, StreamSampleSummary, Verdict, VerdictAction } from "./diagnosis-types";
import { amount, count, percent, quoteKey, ratio, secondsWindowText } from "./evidence-text";
import { heatEvidence, insightsStatusEvidence, type Heat } from "./heat-signals";
import type { RuleContext } from "./rule-context";

/** A sample that ended up to this long after the window still describes it (a sample started when the throttling was seen). */
export const STREAM_SAMPLE_REACH_MS = 30 * 60_000;

/** The stream sample, when it overlaps the diagnosis window or ended within 30 minutes after it; otherwise it says nothing of it. */
export function usableStreamSample(ctx: RuleContext): StreamSampleSummary | null {
  const sample = ctx.input.streamSample;
  if (!sample || sample.writes === 0) return null;
  const { start, end } = ctx.metrics;
  return sample.window.end > start && sample.window.start < end + STREAM_SAMPLE_REACH_MS ? sample : null;
}

/** Heat that writes caused: a stream shows writes only, so it can name the key only of write throttling. */
export function writeHeat(heat: Heat): boolean {
  return heat.keyRange.some((fact) => fact.series.metric.startsWith("Write")) || heat.unexplained.some((facts) => facts.direction === "Write");
}

export type StreamDominance = { top: StreamSampledKey; second: StreamSampledKey | null };

/** Contributor Insights' rule: the top key dominates at ≥ hotKeyDominance × the next key, or ≥ concentrationShare of all writes. */
export function streamDominance(sample: StreamSampleSummary, thresholds: DiagnosisThresholds): StreamDominance | null {
  const [top, second] = [...sample.topPartitions].sort((a, b) => b.writes - a.writes);
  if (!top) return null;
  const dominant = !second || top.writes >= thresholds.hotKeyDominance * second.writes || top.share >= thresholds.concentrationShare;
  return dominant ? { top, second: second ?? null } : null;
}

const limitShare = (key: StreamSampledKey, thresholds: DiagnosisThresholds) => key.peakWriteUnitsPerSecond / thresholds.partitionWriteUnitsPerSecond;

function durationText(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  if (seconds < 90) return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/**
 * 'The stream: "device-017" took 38% of writes between 14:02 and 14:04 UTC (2 minutes), 2.1× one partition's write
 * limit at its busiest second (estimated write units)'.
 */
export function streamEvidence(sample: StreamSampleSummary, key: StreamSampledKey, thresholds: DiagnosisThresholds, second: StreamSampledKey | null = null): Evidence {
  const share = limitShare(key, thresholds);
  const ofLimit = share >= 1 ? `${ratio(share)} one partition's write limit` : `${percent(share)} of one partition's write limit`;
  const estimate =
    sample.writeUnitMethod === "images"
      ? "estimated write units"
      : `at least this many write units: the stream has ${sample.writeUnitMethod === "keys-only" ? "keys only" : "some records without images"}, so those writes count 1 each`;
  const next = second ? `; ${second.writes > 0 ? ratio(key.writes / second.writes) : "far more than"} the writes of the next key (${quoteKey(second.key)})` : "";
  // Throttled writes leave no stream record, so a key held at its limit looks merely busy; say what that means.
  const capped = share >= 0.8 ? ". Throttled writes never reach the stream, so near the limit this is what got through, not what was tried" : "";
  return {
    source: "stream",
    label:
      `The stream: ${quoteKey(key.key)} took ${percent(key.share)} of writes ${secondsWindowText(sample.window)} (${durationText(sample.window.end - sample.window.start)}), ` +
      `${count(key.writes)} writes at ${amount(key.writesPerSecond)} a second, ${ofLimit} at its busiest second (${amount(key.peakWriteUnitsPerSecond)} write units a second against ${count(thresholds.partitionWriteUnitsPerSecond)}; ${estimate})${next}${capped}`,
    window: sample.window,
    link: { kind: "partition", index: null, key: key.key },
  };
}

/** The stream's word on a key another source named (or on its own top writer when that key is not among its top). */
export function streamCorroboration(ctx: RuleContext, key: string | undefined): Evidence | null {
  const sample = usableStreamSample(ctx);
  const row = sample?.topPartitions.find((entry) => entry.key === key) ?? sample?.topPartitions[0];
  return sample && row ? streamEvidence(sample, row, ctx.thresholds) : null;
}

const WRITE_SHARDING =
  'Spread this key\'s writes: add a suffix (say a number from 0 to 9) to the partition key so its writes fall on several keys ("write sharding"), or batch and coalesce repeated updates to the same item.';

/** Write throttling a dominant writer in the stream sample explains: a hot-key verdict from stream evidence. */
export function streamHotKey(ctx: RuleContext, sample: StreamSampleSummary, found: StreamDominance, heat: Heat, ci: ContributorInsightsResource | null): Verdict {
  const key = found.top.key;
  return {
    kind: "hot-key",
    severity: "critical",
    title: `The key ${quoteKey(key)} is getting more writes than DynamoDB can give a single key, so some requests are being turned away.`,
    key,
    index: null,
    evidence: [streamEvidence(sample, found.top, ctx.thresholds, found.second), ...heatEvidence(ctx, heat), insightsStatusEvidence(ctx, ci, null)],
    suggestion:
      `${WRITE_SHARDING} More capacity on the table will not help: one key can take at most ${count(ctx.thresholds.partitionWriteUnitsPerSecond)} WCU/s however much the table has. ` +
      "The stream sample counts the table's writes only: reads and index writes do not appear in it.",
  };
}

/** A dominant writer near one key's limit while nothing throttles: concentration from stream evidence. */
export function streamConcentration(ctx: RuleContext, sample: StreamSampleSummary, found: StreamDominance): Verdict | null {
  if (limitShare(found.top, ctx.thresholds) < ctx.thresholds.concentrationMinCapShare) return null;
  const key = found.top.key;
  return {
    kind: "concentration",
    severity: "warning",
    title: `The key ${quoteKey(key)} gets far more writes than any other; nothing is being turned away yet.`,
    key,
    index: null,
    evidence: [streamEvidence(sample, found.top, ctx.thresholds, found.second)],
    suggestion: `Nothing fails yet, but one key can take at most ${count(ctx.thresholds.partitionWriteUnitsPerSecond)} WCU/s however much capacity the table has. If its writes keep growing: ${WRITE_SHARDING}`,
  };
}

/** Write heat, no key named, no usable sample, but the table has a stream: a sample can name the key now. */
export function streamSampleAdvice(ctx: RuleContext, heat: Heat): { text: string; action: VerdictAction } | null {
  if (!ctx.input.table.stream.enabled || !writeHeat(heat) || usableStreamSample(ctx)) return null;
  const table = ctx.input.table.name;
  return {
    text:
      "This table has a stream, so a stream sample can name the busiest writers right now: it reads the writes the stream already records, " +
      "changes no setting, and costs only GetRecords calls (Stream page → Sample writes). It sees writes only.",
    action: { kind: "stream-sample", label: "Sample the stream's writes", path: `/tables/${encodeURIComponent(table)}/stream?tab=sample` },
  };
}
