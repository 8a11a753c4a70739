/**
 * A report model for tests: Sessions with a GSI, throttled writes behind an alarm in ALARM, a scale-out, a hot key,
 * a capacity change, and hostile strings wherever the account or AWS supplies text. Test-only.
 */
import { tableAlarm } from "@/lib/alarms/alarm-fixtures";
import type { TableChange } from "@/lib/changes/change-types";
import { MINUTE, POINTS, T0, at, every, gsi, metricsFor, range, tableDetail, traffic } from "@/lib/diagnosis/test-fixtures";
import type { Verdict } from "@/lib/diagnosis/diagnosis-types";
import type { Contributor } from "@/lib/insights/insights-types";
import type { ScalingActivity, ScalingTarget } from "@/lib/scaling/scaling-types";
import type { ReportModel } from "./report-model";

/** Markup, Markdown table and link syntax, quotes and an external URL, all in one string. */
export const HOSTILE = `<script>alert(1)</script> | *bold* _x_ [link](https://evil.example/x) "q" 'a' & <img src=https://evil.example/p.png onerror=alert(2)> url(https://evil.example/u)`;
export const HOT_KEY = "CUSTOMER#0001";
export const ORIGIN = "https://lens.corp.example";

const table = tableDetail({ name: "Sessions", gsis: [gsi("GSI1")], provisioned: { read: 100, write: 60 } });

function contributor(keys: string[], total: number): Contributor {
  return { keys, total, peakPerMinute: total / 20, peakAt: T0 + 25 * MINUTE, datapoints: [], partitionCap: null, throttled: 12 };
}

function activity(overrides: Partial<ScalingActivity>): ScalingActivity {
  return { id: "a1", status: "Successful", statusMessage: null, description: "Setting write capacity units to 120.", cause: "monitor alarm TargetTracking-table/Sessions-AlarmHigh in state ALARM triggered policy", start: T0 + 26 * MINUTE, end: T0 + 27 * MINUTE, capacity: 120, direction: "out", notScaledReasons: [], ...overrides };
}

const target: ScalingTarget = {
  resourceId: "table/Sessions",
  index: null,
  kind: "write",
  dimension: "dynamodb:table:WriteCapacityUnits",
  minCapacity: 5,
  maxCapacity: 400,
  suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false },
  policies: [{ name: "writes-70", type: "TargetTrackingScaling", targetValue: 70, metric: "DynamoDBWriteCapacityUtilization", scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 60, disableScaleIn: false, alarms: [] }],
  scheduledActions: [],
  activities: [
    activity({}),
    activity({ id: "n1", status: "Successful", description: "Not scaled", start: T0 + 40 * MINUTE, capacity: null, direction: null, notScaledReasons: ["AlreadyAtMaxCapacity"] }),
    activity({ id: "n2", status: "Successful", description: "Not scaled", start: T0 + 41 * MINUTE, capacity: null, direction: null, notScaledReasons: ["AlreadyAtMaxCapacity"] }),
  ],
};

export const CHANGE: TableChange = {
  id: "e1",
  at: T0 + 15 * MINUTE,
  eventName: "UpdateTable",
  eventSource: "dynamodb.amazonaws.com",
  who: `arn:aws:sts::123456789012:assumed-role/deploy/${HOSTILE}`,
  whoDigested: false,
  resource: "table/Sessions",
  index: null,
  kind: "capacity",
  summary: ["write capacity 20 → 5"],
  error: null,
};

const verdict: Verdict = {
  kind: "under-provisioned-writes",
  severity: "critical",
  title: `Writes are throttled: ${HOSTILE}`,
  index: null,
  evidence: [
    { source: "metric", metric: "WriteProvisionedThroughputThrottleEvents", label: "1,204 write throttle events between 14:20 and 14:30 UTC", link: { kind: "chart", seriesId: "table/WriteProvisionedThroughputThrottleEvents/Sum" } },
    { source: "contributor-insights", metric: "PKC", label: `Key ${HOT_KEY} took most writes`, link: { kind: "partition", index: null, key: HOT_KEY } },
  ],
  suggestion: "Raise the write capacity or turn on auto scaling.",
};

/** The model a report route would gather for an engineer, every source read. */
export function reportModel(overrides: Partial<ReportModel> = {}): ReportModel {
  const window = { start: T0, end: T0 + POINTS * MINUTE };
  const metrics = metricsFor(table, [
    ...traffic(80, 55),
    { metric: "ProvisionedWriteCapacityUnits", values: every(60) },
    { metric: "ProvisionedReadCapacityUnits", values: every(100) },
    { metric: "WriteProvisionedThroughputThrottleEvents", values: at(range(20, 30), 120) },
    { metric: "WriteKeyRangeThroughputThrottleEvents", values: at(range(22, 26), 30) },
    { metric: "ConsumedWriteCapacityUnits", index: "GSI1", values: at(range(0, 30), 10) },
  ]);
  const alarm = tableAlarm({ name: `Sessions write throttles ${HOSTILE}`, state: "ALARM", threshold: 10, stateSince: T0 + 21 * MINUTE, alarmPeriods: [{ start: T0 + 21 * MINUTE, end: null }], history: [{ at: T0 + 21 * MINUTE, from: "OK", to: "ALARM", summary: `Alarm updated: ${HOSTILE}` }] });
  return {
    table: "Sessions",
    scope: { account: "prod", region: "eu-west-1" },
    requested: window,
    window,
    periodSeconds: 60,
    generatedAt: window.end + 5 * MINUTE,
    role: "engineer",
    keysDigested: false,
    origin: ORIGIN,
    detail: { ok: true, value: table },
    diagnosis: {
      ok: true,
      value: { table: "Sessions", window, windowSource: { kind: "request" }, verdicts: [verdict], inputs: { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 1 }, keySample: null, sizeAudit: null }, generatedAt: window.end, keysDigested: false },
    },
    metrics: { ok: true, value: metrics },
    alarms: { ok: true, value: { table: "Sessions", window, alarms: [alarm], inAlarm: 1, historyComplete: true, historyError: null, generatedAt: window.end } },
    scaling: { ok: true, value: { table: "Sessions", window, billingMode: "PROVISIONED", targets: [target], activitiesComplete: true, generatedAt: window.end } },
    insights: {
      ok: true,
      value: {
        table: "Sessions",
        status: [{ table: "Sessions", index: null, status: "ENABLED", mode: "ACCESSED_AND_THROTTLED_KEYS", rules: [], lastUpdated: null, reason: null, howToEnable: null }],
        report: {
          start: window.start,
          end: window.end,
          period: 60,
          fetchedAt: window.end,
          cache: "miss",
          resources: [{ table: "Sessions", index: null, mode: "ACCESSED_AND_THROTTLED_KEYS", keySchema: { partitionKey: { name: "pk", type: "S" }, sortKey: null }, rules: { PKC: { kind: "PKC", ruleName: "r", measures: "consumed-throughput-units", uniqueContributors: 2, aggregateValue: 9_000, contributors: [contributor([HOT_KEY], 8_000), contributor([HOSTILE], 1_000)] } } }],
        },
        window: { range: "custom", start: window.start, end: window.end, period: 60 },
        fetchedAt: window.end,
      },
    },
    changes: { ok: true, value: { table: "Sessions", window, changes: [CHANGE], complete: true, incompleteReason: null, generatedAt: window.end } },
    ...overrides,
  };
}
