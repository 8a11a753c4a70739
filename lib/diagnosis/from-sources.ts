import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { KeySampleResult } from "@/lib/jobs/job-types";
import { keyText } from "@/lib/items/value-preview";
import type { StreamSampleResult } from "@/lib/streams/stream-types";
import type { ContributorInsightsInput, ContributorInsightsResource, InsightRuleKind, KeySampleSummary, StreamSampleSummary } from "./diagnosis-types";

const KINDS: InsightRuleKind[] = ["PKC", "PKT", "SKC", "SKT"];

/** The insights API's answer in the shape the diagnosis reads. Client-safe, pure. */
export function insightsInput(response: InsightsResponse): ContributorInsightsInput {
  const resources: ContributorInsightsResource[] = response.status.map((status) => {
    const report = response.report?.resources.find((resource) => resource.index === status.index);
    const rules = Object.fromEntries(
      KINDS.map((kind) => {
        const rule = report?.rules[kind];
        return [kind, rule ? rule.contributors.map(({ keys, total, peakPerMinute, peakAt }) => ({ keys, total, peakPerMinute, peakAt })) : null];
      }),
    ) as ContributorInsightsResource["rules"];
    return { index: status.index, status: status.status, mode: status.mode, error: status.status === "UNAVAILABLE" ? status.reason : null, rules };
  });
  return { window: { start: response.window.start, end: response.window.end }, resources };
}

/** A key sampler's result as the diagnosis's storage-skew input. */
export function keySampleInput(result: KeySampleResult, finishedAt: number, startedAt: number | null): KeySampleSummary {
  const toKey = (entry: KeySampleResult["topByItems"][number]) => ({ key: keyText(entry.key), items: entry.items, bytes: entry.bytes });
  return {
    itemsScanned: result.sampleSize,
    bytesScanned: result.bytesCounted,
    coverage: result.coverage.fraction,
    distinctKeysEstimate: result.distinctKeys.value,
    topByItems: result.topByItems.map(toKey),
    topByBytes: result.topByBytes.map(toKey),
    top1Share: result.concentration.items.top1Share ?? 0,
    top10Share: result.concentration.items.top10Share ?? 0,
    gini: result.concentration.items.gini ?? 0,
    complete: result.complete,
    startedAt,
    finishedAt,
  };
}

/** A stream sample's result as the diagnosis's write-traffic input. */
export function streamSampleInput(result: StreamSampleResult, finishedAt: number): StreamSampleSummary {
  return {
    window: { start: result.window.start, end: result.window.end },
    writes: result.records,
    writesPerSecond: result.writesPerSecond,
    viewType: result.stream.viewType,
    writeUnitMethod: result.writeUnitEstimate.method,
    topPartitions: result.topPartitions.map((entry) => ({
      key: keyText(entry.key),
      writes: entry.writes,
      share: entry.share,
      writesPerSecond: entry.writesPerSecond,
      peakWriteUnitsPerSecond: entry.peakWriteUnitsPerSecond,
    })),
    finishedAt,
  };
}
