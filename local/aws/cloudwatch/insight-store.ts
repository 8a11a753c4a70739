import { z } from "zod";
import { buildInsightReport, type ContributorMinute, type InsightReport, type InsightReportRequest } from "./insight-report";
import { parseRuleDefinition, type ParsedRuleDefinition } from "./insight-rule-definition";
import { insightRuleSchema, insightSampleSchema, type InsightStoreState } from "./local-data-schemas";

export type InsightRuleDefinition = {
  name: string;
  state: "ENABLED" | "DISABLED";
  /** As DescribeInsightRules returns it, e.g. `{"Name": "CloudWatchLogRule", "Version": 1}`. */
  schema: string;
  /** The rule's JSON; its Contribution.Keys and AggregateOn shape the report. */
  definition: string;
  managedRule: boolean;
};

/**
 * One event the rule matched, like one log event: `keys` identify the contributor (one value per
 * rule key) and `value` is the rule's ValueOf. A Sum rule adds the values; a Count rule counts samples,
 * so add one sample per event.
 */
export type InsightSample = { ruleName: string; keys: string[]; timestampMs: number; value: number };

/** Contributor Insights data is kept per minute, the granularity DynamoDB's rules report at, for 15 days like one-minute metrics. */
export const INSIGHT_RETENTION_MS = 15 * 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

type RuleEntry = {
  rule: InsightRuleDefinition;
  parsed: ParsedRuleDefinition;
  minutes: Map<number, Map<string, ContributorMinute>>;
};

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Invalid ${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** In-memory Contributor Insights rules and the contributor data they collected. */
export class InsightStore {
  private readonly rules = new Map<string, RuleEntry>();

  /** Creates or replaces a rule; replacing keeps the data it already collected, as PutInsightRule does. */
  defineRule(rule: InsightRuleDefinition): void {
    const checked = parseOrThrow(insightRuleSchema, rule, "insight rule");
    const existing = this.rules.get(checked.name);
    this.rules.set(checked.name, {
      rule: { ...checked },
      parsed: parseRuleDefinition(checked.definition),
      minutes: existing?.minutes ?? new Map(),
    });
  }

  /**
   * Records one matched event. Returns false, storing nothing, when the rule is DISABLED: a disabled
   * rule does not evaluate events. Throws for a rule that does not exist, which is a caller bug.
   */
  addSample(sample: InsightSample): boolean {
    const checked = parseOrThrow(insightSampleSchema, sample, "insight sample");
    const entry = this.rules.get(checked.ruleName);
    if (!entry) throw new Error(`Insight rule ${checked.ruleName} does not exist; define it before adding samples`);
    if (entry.rule.state === "DISABLED") return false;
    const minute = Math.floor(checked.timestampMs / MINUTE_MS) * MINUTE_MS;
    let contributors = entry.minutes.get(minute);
    if (!contributors) {
      contributors = new Map();
      entry.minutes.set(minute, contributors);
    }
    const key = JSON.stringify(checked.keys);
    const existing = contributors.get(key);
    if (existing) {
      existing.count += 1;
      existing.sum += checked.value;
      existing.min = Math.min(existing.min, checked.value);
      existing.max = Math.max(existing.max, checked.value);
    } else {
      contributors.set(key, { keys: [...checked.keys], count: 1, sum: checked.value, min: checked.value, max: checked.value });
    }
    return true;
  }

  hasRule(name: string): boolean {
    return this.rules.has(name);
  }

  /** Every rule, sorted by name so that paging is stable. */
  listRules(): InsightRuleDefinition[] {
    return [...this.rules.values()].map((entry) => ({ ...entry.rule })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The rule's report over a time range, or undefined when no rule has that name. */
  report(ruleName: string, request: InsightReportRequest): InsightReport | undefined {
    const entry = this.rules.get(ruleName);
    if (!entry) return undefined;
    return buildInsightReport(entry.minutes.entries(), entry.parsed, request);
  }

  prune(nowMs: number = Date.now()): void {
    for (const entry of this.rules.values()) {
      for (const minute of entry.minutes.keys()) if (minute < nowMs - INSIGHT_RETENTION_MS) entry.minutes.delete(minute);
    }
  }

  exportState(): InsightStoreState {
    return {
      rules: [...this.rules.values()].map((entry) => ({
        rule: { ...entry.rule },
        minutes: [...entry.minutes.entries()].map(([t, contributors]) => ({
          t,
          contributors: [...contributors.values()].map((contributor) => ({ ...contributor, keys: [...contributor.keys] })),
        })),
      })),
    };
  }

  /** Replaces the store's contents with a snapshot's. */
  importState(state: InsightStoreState): void {
    this.rules.clear();
    for (const saved of state.rules) {
      const minutes = new Map<number, Map<string, ContributorMinute>>();
      for (const minute of saved.minutes) {
        minutes.set(minute.t, new Map(minute.contributors.map((contributor) => [JSON.stringify(contributor.keys), { ...contributor }])));
      }
      this.rules.set(saved.rule.name, { rule: { ...saved.rule }, parsed: parseRuleDefinition(saved.rule.definition), minutes });
    }
  }
}
