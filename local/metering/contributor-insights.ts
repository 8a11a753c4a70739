import type { InsightRuleDefinition, InsightSample } from "../aws/cloudwatch/insight-store";
import type { ThrottleDecision } from "./capacity-enforcer";
import type { TableConsumption } from "./consumed-capacity";
import type { MeteredOperation } from "./operations";
import type { TableCapacityModel } from "./table-catalog";
import type { WireResponse } from "./throttle-response";

export type ContributorInsightsMode = "ACCESSED_AND_THROTTLED_KEYS" | "THROTTLED_KEYS";
/** Which tables and GSIs have Contributor Insights on: keys are "Table" or "Table/Index". */
export type ContributorInsightsConfig = Record<string, ContributorInsightsMode>;

type RuleKind = "PKC" | "PKT" | "SKC" | "SKT";
type Resource = { table: string; index: string | null };

const MINUTE_MS = 60_000;
const json = (status: number, body: unknown, requestId: string): WireResponse => ({
  status,
  headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId },
  body: JSON.stringify(body),
});
const resourceId = ({ table, index }: Resource) => (index ? `${table}/${index}` : table);

/**
 * DynamoDB's Contributor Insights, which DynamoDB Local lacks: the Describe/List/Update APIs, the managed
 * CloudWatch rules (named as AWS names them), and per-key, per-minute samples for those rules.
 */
export class ContributorInsights {
  private readonly enabled = new Map<string, { mode: ContributorInsightsMode; since: number }>();
  private readonly sortKeys = new Map<string, boolean>();
  private readonly pending = new Map<string, InsightSample>();

  constructor(
    config: ContributorInsightsConfig,
    private readonly now: () => number,
    private readonly modelOf: (table: string) => Promise<TableCapacityModel | null>,
    enabledAtMs?: number,
  ) {
    for (const [id, mode] of Object.entries(config)) this.enabled.set(id, { mode, since: enabledAtMs ?? now() });
  }

  private ruleName(kind: RuleKind, resource: Resource, since: number): string {
    // GSI rules name the resource "<table>-<index>"; every rule of a resource shares its creation time in epoch ms.
    return `DynamoDBContributorInsights-${kind}-${resource.index ? `${resource.table}-${resource.index}` : resource.table}-${since}`;
  }

  private ruleKinds(mode: ContributorInsightsMode, hasSortKey: boolean): RuleKind[] {
    const kinds: RuleKind[] = mode === "ACCESSED_AND_THROTTLED_KEYS" ? ["PKC", "PKT"] : ["PKT"];
    if (hasSortKey) kinds.push(...kinds.map((kind) => (kind === "PKC" ? "SKC" : "SKT") as RuleKind));
    return kinds;
  }

  private rulesOf(resource: Resource): string[] {
    const state = this.enabled.get(resourceId(resource));
    if (!state) return [];
    return this.ruleKinds(state.mode, this.sortKeys.get(resourceId(resource)) ?? false).map((kind) => this.ruleName(kind, resource, state.since));
  }

  private async learn(resource: Resource): Promise<TableCapacityModel | null> {
    const model = await this.modelOf(resource.table);
    if (!model) return null;
    const gsi = resource.index ? model.gsis.find((candidate) => candidate.name === resource.index) : null;
    if (resource.index && !gsi) return null;
    this.sortKeys.set(resourceId(resource), (gsi ? gsi.sortKey : model.sortKey) !== null);
    return model;
  }

  private describeBody(resource: Resource) {
    const state = this.enabled.get(resourceId(resource));
    return {
      TableName: resource.table,
      ...(resource.index ? { IndexName: resource.index } : {}),
      ContributorInsightsRuleList: this.rulesOf(resource),
      ContributorInsightsStatus: state ? "ENABLED" : "DISABLED",
      ...(state ? { ContributorInsightsMode: state.mode, LastUpdateDateTime: state.since / 1000 } : {}),
    };
  }

  /** Answers the Contributor Insights operations; null for anything else. */
  async answer(operation: string, raw: Buffer, requestId: string): Promise<WireResponse | null> {
    if (!["DescribeContributorInsights", "ListContributorInsights", "UpdateContributorInsights"].includes(operation)) return null;
    const request = JSON.parse(raw.toString("utf8") || "{}") as { TableName?: string; IndexName?: string; ContributorInsightsAction?: string; ContributorInsightsMode?: string };
    if (operation === "ListContributorInsights") {
      const resources = [...this.enabled.keys()].map((id) => {
        const [table = "", index = null] = id.split("/");
        return { table, index };
      });
      const summaries = resources
        .filter((resource) => !request.TableName || resource.table === request.TableName)
        .map((resource) => ({ ...resource, state: this.enabled.get(resourceId(resource)) }))
        .map(({ table, index, state }) => ({ TableName: table, ...(index ? { IndexName: index } : {}), ContributorInsightsStatus: "ENABLED", ContributorInsightsMode: state?.mode }));
      return json(200, { ContributorInsightsSummaries: summaries }, requestId);
    }
    const resource = { table: request.TableName ?? "", index: request.IndexName ?? null };
    if (!(await this.learn(resource))) {
      return json(400, { __type: "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", message: `Requested resource not found: ${resourceId(resource)}` }, requestId);
    }
    if (operation === "UpdateContributorInsights") {
      if (request.ContributorInsightsAction === "ENABLE") {
        const mode = request.ContributorInsightsMode === "THROTTLED_KEYS" ? "THROTTLED_KEYS" : "ACCESSED_AND_THROTTLED_KEYS";
        this.enabled.set(resourceId(resource), { mode, since: this.enabled.get(resourceId(resource))?.since ?? this.now() });
      } else {
        this.enabled.delete(resourceId(resource));
      }
      const { TableName, IndexName, ContributorInsightsStatus, ContributorInsightsMode } = { ...this.describeBody(resource), IndexName: resource.index ?? undefined };
      return json(200, { TableName, IndexName, ContributorInsightsStatus, ContributorInsightsMode }, requestId);
    }
    return json(200, this.describeBody(resource), requestId);
  }

  private add(kind: RuleKind, resource: Resource, keys: string[], value: number, at: number): void {
    const state = this.enabled.get(resourceId(resource));
    if (!state || !this.ruleKinds(state.mode, true).includes(kind)) return;
    const ruleName = this.ruleName(kind, resource, state.since);
    const timestampMs = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    const id = `${ruleName}|${JSON.stringify(keys)}|${timestampMs}`;
    const sample = this.pending.get(id);
    if (sample) sample.value += value;
    else this.pending.set(id, { ruleName, keys, timestampMs, value });
  }

  private note(models: ReadonlyMap<string, TableCapacityModel>, resource: Resource): void {
    const model = models.get(resource.table);
    const gsi = resource.index ? model?.gsis.find((candidate) => candidate.name === resource.index) : undefined;
    if (model) this.sortKeys.set(resourceId(resource), (gsi ? gsi.sortKey : model.sortKey) !== null);
  }

  /** Accessed-key rules measure consumed throughput units: 3 × write units + read units, split across the request's keys. */
  recordAccess(operation: MeteredOperation, consumption: readonly TableConsumption[], models: ReadonlyMap<string, TableCapacityModel>, at: number): void {
    for (const access of operation.accesses) {
      if (access.keys.length === 0) continue;
      const resource = { table: access.table, index: access.index };
      this.note(models, resource);
      const consumed = consumption.find((entry) => entry.table === access.table);
      const units = access.index ? (consumed?.gsiUnits.get(access.index) ?? 0) : (consumed?.tableUnits ?? 0);
      const share = ((operation.kind === "write" ? 3 : 1) * units) / access.keys.length;
      for (const key of access.keys) {
        this.add("PKC", resource, [key.pk], share, at);
        if (key.sk !== null) this.add("SKC", resource, [key.pk, key.sk], share, at);
      }
    }
  }

  /** Throttled-key rules count throttled requests per key. GSI back-pressure on a table write is not counted, as in AWS. */
  recordThrottle(operation: MeteredOperation, decision: ThrottleDecision, models: ReadonlyMap<string, TableCapacityModel>, at: number): void {
    for (const access of operation.accesses) {
      if (access.table !== decision.table || access.index !== decision.index) continue;
      const resource = { table: access.table, index: access.index };
      this.note(models, resource);
      for (const key of access.keys) {
        this.add("PKT", resource, [key.pk], 1, at);
        if (key.sk !== null) this.add("SKT", resource, [key.pk, key.sk], 1, at);
      }
    }
  }

  /** The managed rules for every enabled table and GSI. The definition syntax is ours: AWS does not document DynamoDB's. */
  rules(): InsightRuleDefinition[] {
    return [...this.enabled.keys()].flatMap((id) => {
      const [table = "", index = null] = id.split("/");
      return this.rulesOf({ table, index }).map((name) => {
        const kind = /-(PKC|PKT|SKC|SKT)-/.exec(name)?.[1] ?? "PKC";
        const keyLabels = kind.startsWith("SK") ? ["PartitionKey", "SortKey"] : ["PartitionKey"];
        const valueOf = kind.endsWith("C") ? "ConsumedThroughputUnits" : "ThrottleCount";
        return {
          name,
          state: "ENABLED" as const,
          schema: '{"Name":"CloudWatchLogRule","Version":1}',
          definition: JSON.stringify({ Schema: { Name: "CloudWatchLogRule", Version: 1 }, AggregateOn: "Sum", Contribution: { Keys: keyLabels, ValueOf: valueOf }, KeyLabels: keyLabels }),
          managedRule: true,
        };
      });
    });
  }

  drain(): InsightSample[] {
    const samples = [...this.pending.values()];
    this.pending.clear();
    return samples;
  }
}
