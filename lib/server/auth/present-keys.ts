import "server-only";
import type { InsightRuleReport, InsightsResponse } from "@/lib/insights/insights-types";
import type { AuditedItem, JobSnapshot, KeySampleResult, KeySkewEntry, KeyValue, SizeAuditResult } from "@/lib/jobs/job-types";
import type { StreamKeyWrites, StreamSampleResult } from "@/lib/streams/stream-types";
import type { Access } from "./access";
import { digestItem, digestValue, keyDigest } from "./redact-item";
import { presentEntitiesResult } from "./present-entities";
import type { EntityModel } from "@/lib/entities/entity-types";

/*
 * Key values outside the item browser (Contributor Insights, key samples, size audits, and the verdicts built from
 * them) reach a viewer as digests unless VIEWER_SHOWS_KEYS=true. Each function copies; cached reports and job
 * snapshots shared by every caller are never changed in place.
 */

function digestRules(rules: Partial<Record<string, InsightRuleReport>>): Partial<Record<string, InsightRuleReport>> {
  const result: Partial<Record<string, InsightRuleReport>> = {};
  for (const [kind, rule] of Object.entries(rules)) {
    if (rule) result[kind] = { ...rule, contributors: rule.contributors.map((entry) => ({ ...entry, keys: entry.keys.map(keyDigest) })) };
  }
  return result;
}

export function presentInsights(response: InsightsResponse, access: Access): InsightsResponse {
  if (!access.digestsKeys) return response;
  if (!response.report) return { ...response, keysDigested: true };
  return {
    ...response,
    keysDigested: true,
    report: { ...response.report, resources: response.report.resources.map((resource) => ({ ...resource, rules: digestRules(resource.rules) })) },
  };
}

const digestSkew = (entry: KeySkewEntry): KeySkewEntry => ({ ...entry, key: digestValue(entry.key) as KeySkewEntry["key"] });
const digestAudited = <T extends Pick<AuditedItem, "key">>(item: T): T => ({ ...item, key: digestItem(item.key) });

export function presentKeySampleResult(result: KeySampleResult, access: Access): KeySampleResult {
  if (!access.digestsKeys) return result;
  const confirmation = result.confirmation ? { ...result.confirmation, keys: result.confirmation.keys.map(digestSkew) } : result.confirmation;
  return { ...result, topByItems: result.topByItems.map(digestSkew), topByBytes: result.topByBytes.map(digestSkew), ...(confirmation === undefined ? {} : { confirmation }) };
}

export function presentSizeAuditResult(result: SizeAuditResult, access: Access): SizeAuditResult {
  if (!access.digestsKeys) return result;
  const collections = result.itemCollections;
  const findings = collections
    ? result.findings.map((finding) => {
        // Item-collection findings name the partition key (see size-findings.ts); say the digest instead.
        let text = finding.text;
        for (const collection of collections.largest) {
          const raw = Object.values(collection.partitionKey)[0];
          if (typeof raw === "string") text = text.replaceAll(JSON.stringify(raw), JSON.stringify(keyDigest(raw)));
        }
        return { ...finding, text };
      })
    : result.findings;
  return {
    ...result,
    largest: result.largest.map(digestAudited),
    overThreshold: { ...result.overThreshold, items: result.overThreshold.items.map(digestAudited) },
    dominantAttributes: { ...result.dominantAttributes, items: result.dominantAttributes.items.map(digestAudited) },
    itemCollections: collections ? { ...collections, largest: collections.largest.map((entry) => ({ ...entry, partitionKey: digestValue(entry.partitionKey) })) } : null,
    findings,
  };
}

const digestKey = (key: KeyValue): KeyValue => digestValue(key);
const digestWrites = (entry: StreamKeyWrites): StreamKeyWrites => ({ ...entry, key: digestKey(entry.key), ...(entry.sortKey === undefined ? {} : { sortKey: digestKey(entry.sortKey) }) });

/** A stream sample's keys (top partitions, top items, heat rows) as digests for a viewer. */
export function presentStreamSampleResult(result: StreamSampleResult, access: Access): StreamSampleResult {
  if (!access.digestsKeys) return result;
  return {
    ...result,
    topPartitions: result.topPartitions.map(digestWrites),
    topItems: result.topItems ? result.topItems.map(digestWrites) : null,
    heat: { ...result.heat, keys: result.heat.keys.map((row) => ({ ...row, key: digestKey(row.key) })) },
  };
}

/** A job snapshot as this caller may see it: the result's keys digested by job kind. */
export function presentJob<P, R>(job: JobSnapshot<P, R>, access: Access): JobSnapshot<P, R> {
  if (!access.digestsKeys || job.result === null) return job;
  // The registry stores each kind's own result type under `kind`; the casts restate that pairing.
  const result =
    job.kind === "entities"
      ? presentEntitiesResult(job.result as EntityModel, access)
      : job.kind === "stream-sample"
        ? presentStreamSampleResult(job.result as StreamSampleResult, access)
        : job.kind === "key-sample"
          ? presentKeySampleResult(job.result as KeySampleResult, access)
          : presentSizeAuditResult(job.result as SizeAuditResult, access);
  return { ...job, keysDigested: true, result: result as R };
}
