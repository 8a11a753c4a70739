/**
 * Which CloudWatch alarms belong to a table, from DescribeAlarms' answer. Client-safe and pure: the SDK types are
 * imported for their shape only.
 */
import type { CompositeAlarm, Dimension, MetricAlarm, MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { DYNAMODB_NAMESPACE } from "@/lib/metrics/metric-series";
import { ALARM_STATES, type AlarmMetric, type AlarmState, type TableAlarm } from "./alarm-types";

/** Every alarm of one account and region, as DescribeAlarms lists them (AlarmTypes MetricAlarm and CompositeAlarm). */
export type DescribedAlarms = { metricAlarms: readonly MetricAlarm[]; compositeAlarms: readonly CompositeAlarm[] };

/** A table's alarm before its history is read: the periods and state changes come from DescribeAlarmHistory. */
export type MatchedAlarm = Omit<TableAlarm, "alarmPeriods" | "history">;

/**
 * Application Auto Scaling names the alarms of a target-tracking policy `TargetTracking-<resourceId>-<Kind>-<uuid>`,
 * e.g. `TargetTracking-table/Shop/index/GSI1-AlarmHigh-1b2c…`; for DynamoDB it makes four per policy: AlarmHigh and
 * AlarmLow on consumed capacity, ProvisionedCapacityHigh and ProvisionedCapacityLow on provisioned capacity.
 */
const AUTO_SCALING_NAME = /^TargetTracking-.+-(AlarmHigh|AlarmLow|ProvisionedCapacityHigh|ProvisionedCapacityLow)-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isManagedByAutoScaling(alarmName: string): boolean {
  return AUTO_SCALING_NAME.test(alarmName);
}

const isState = (value: string | undefined): value is AlarmState => value !== undefined && (ALARM_STATES as readonly string[]).includes(value);

/** An alarm whose state CloudWatch did not name is not known to be firing: INSUFFICIENT_DATA says exactly that. */
export function alarmState(value: string | undefined): AlarmState {
  return isState(value) ? value : "INSUFFICIENT_DATA";
}

function dimensionsOf(dimensions: readonly Dimension[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const dimension of dimensions ?? []) if (dimension.Name !== undefined && dimension.Value !== undefined) result[dimension.Name] = dimension.Value;
  return result;
}

function dynamoMetric(namespace: string | undefined, metricName: string | undefined, dimensions: readonly Dimension[] | undefined, statistic: string | null, periodSeconds: number | null): AlarmMetric | null {
  if (namespace !== DYNAMODB_NAMESPACE || metricName === undefined) return null;
  const named = dimensionsOf(dimensions);
  return { metricName, index: named.GlobalSecondaryIndexName ?? null, dimensions: named, statistic, periodSeconds };
}

const readsTable = (metric: AlarmMetric, table: string) => metric.dimensions.TableName === table;

/** The AWS/DynamoDB metrics a metric-math alarm's MetricStat queries read (any table's; the caller filters). */
function mathMetrics(queries: readonly MetricDataQuery[]): AlarmMetric[] {
  return queries.flatMap((query) => {
    const stat = query.MetricStat;
    const metric = stat ? dynamoMetric(stat.Metric?.Namespace, stat.Metric?.MetricName, stat.Metric?.Dimensions, stat.Stat ?? null, stat.Period ?? null) : null;
    return metric ? [metric] : [];
  });
}

/** The query whose result the alarm compares: the one with ReturnData true (CloudWatch requires exactly one). */
function returnedQuery(queries: readonly MetricDataQuery[]): MetricDataQuery | undefined {
  return queries.find((query) => query.ReturnData === true) ?? queries.find((query) => query.Expression !== undefined);
}

const time = (date: Date | undefined) => (date ? date.getTime() : null);

function common(alarm: MetricAlarm | CompositeAlarm): Pick<MatchedAlarm, "name" | "arn" | "description" | "state" | "stateReason" | "stateSince" | "managedByAutoScaling"> {
  const name = alarm.AlarmName ?? "";
  return {
    name,
    arn: alarm.AlarmArn ?? "",
    description: alarm.AlarmDescription ?? null,
    state: alarmState(alarm.StateValue),
    stateReason: alarm.StateReason ?? "",
    // StateTransitionedTimestamp is when the state last changed; StateUpdatedTimestamp also moves when only the reason does.
    stateSince: time(alarm.StateTransitionedTimestamp) ?? time(alarm.StateUpdatedTimestamp),
    managedByAutoScaling: isManagedByAutoScaling(name),
  };
}

/** A metric alarm (one metric, or metric math) that reads one of the table's or its GSIs' AWS/DynamoDB metrics; else null. */
export function matchMetricAlarm(alarm: MetricAlarm, table: string): MatchedAlarm | null {
  const queries = alarm.Metrics ?? [];
  const statistic = alarm.Statistic ?? alarm.ExtendedStatistic ?? null;
  const own = queries.length === 0 ? dynamoMetric(alarm.Namespace, alarm.MetricName, alarm.Dimensions, statistic, alarm.Period ?? null) : null;
  const metrics = own ? [own] : mathMetrics(queries);
  if (!metrics.some((metric) => readsTable(metric, table))) return null;
  const returned = returnedQuery(queries);
  const firstPeriod = metrics.find((metric) => metric.periodSeconds !== null)?.periodSeconds ?? null;
  return {
    ...common(alarm),
    kind: "metric",
    metric: own,
    metrics,
    expression: own ? null : (returned?.Expression ?? null),
    threshold: alarm.Threshold ?? null,
    comparison: alarm.ComparisonOperator ?? null,
    periodSeconds: alarm.Period ?? returned?.Period ?? returned?.MetricStat?.Period ?? firstPeriod,
    evaluationPeriods: alarm.EvaluationPeriods ?? null,
    datapointsToAlarm: alarm.DatapointsToAlarm ?? null,
    treatMissingData: alarm.TreatMissingData ?? null,
    rule: null,
    children: [],
  };
}

/**
 * The alarms a composite rule reads: ALARM(x), OK(x) and INSUFFICIENT_DATA(x), x a name or an alarm ARN, in double
 * quotes or not (CloudWatch accepts both). Each reference once, in the rule's order.
 */
export function ruleReferences(rule: string): string[] {
  const references: string[] = [];
  for (const match of rule.matchAll(/\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"([^"]*)"|([^()"]*?))\s*\)/g)) {
    const reference = (match[1] ?? match[2] ?? "").trim();
    if (reference !== "" && !references.includes(reference)) references.push(reference);
  }
  return references;
}

/** An alarm ARN (arn:aws:cloudwatch:<region>:<account>:alarm:<name>) names the alarm after ":alarm:". */
export function referencedName(reference: string): string {
  const marker = reference.startsWith("arn:") ? reference.indexOf(":alarm:") : -1;
  return marker === -1 ? reference : reference.slice(marker + ":alarm:".length);
}

function compositeOf(alarm: CompositeAlarm, children: string[]): MatchedAlarm {
  return {
    ...common(alarm),
    kind: "composite",
    metric: null,
    metrics: [],
    expression: null,
    threshold: null,
    comparison: null,
    periodSeconds: null,
    evaluationPeriods: null,
    datapointsToAlarm: null,
    treatMissingData: null,
    rule: alarm.AlarmRule ?? null,
    children,
  };
}

/**
 * The table's alarms: metric alarms on its (or its GSIs') AWS/DynamoDB metrics, and composites whose rule names one
 * of them, directly or through another composite that does (followed until nothing more joins).
 */
export function matchTableAlarms(alarms: DescribedAlarms, table: string): MatchedAlarm[] {
  const matched = alarms.metricAlarms.flatMap((alarm) => {
    const found = matchMetricAlarm(alarm, table);
    return found ? [found] : [];
  });
  const belongs = new Set(matched.flatMap((alarm) => [alarm.name, alarm.arn]));
  const pending = alarms.compositeAlarms.map((alarm) => ({ alarm, references: ruleReferences(alarm.AlarmRule ?? "") }));
  const composites: MatchedAlarm[] = [];
  for (let added = true; added; ) {
    added = false;
    for (const entry of [...pending]) {
      const children = entry.references.filter((reference) => belongs.has(reference) || belongs.has(referencedName(reference))).map(referencedName);
      if (children.length === 0) continue;
      const composite = compositeOf(entry.alarm, children);
      composites.push(composite);
      belongs.add(composite.name).add(composite.arn);
      pending.splice(pending.indexOf(entry), 1);
      added = true;
    }
  }
  // A composite that joined early may also read composites that joined later: list those children too.
  for (const composite of composites) {
    const references = ruleReferences(composite.rule ?? "");
    composite.children = references.filter((reference) => belongs.has(reference) || belongs.has(referencedName(reference))).map(referencedName);
  }
  return [...matched, ...composites];
}

const STATE_ORDER: Record<AlarmState, number> = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };

/** Firing first (ALARM, then INSUFFICIENT_DATA, then OK), then by name. */
export function byStateThenName<A extends Pick<TableAlarm, "state" | "name">>(a: A, b: A): number {
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Alarms in ALARM that page someone: auto scaling's own alarms steer capacity and page nobody. */
export function pagingInAlarm<A extends Pick<TableAlarm, "state" | "managedByAutoScaling">>(alarms: readonly A[]): A[] {
  return alarms.filter((alarm) => alarm.state === "ALARM" && !alarm.managedByAutoScaling);
}
