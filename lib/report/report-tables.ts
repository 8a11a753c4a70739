/**
 * The report's tabular sections (hot keys, alarms, auto scaling, changes) as plain tables and notes, written once and
 * rendered by both the HTML and the Markdown report. Client-safe, pure.
 */
import type { TableAlarm } from "@/lib/alarms/alarm-types";
import { whoLabel } from "@/lib/changes/who-label";
import type { InsightRuleKind, InsightsResponse } from "@/lib/insights/insights-types";
import type { ScalingActivity, ScalingTarget } from "@/lib/scaling/scaling-types";
import { partitionHref } from "./report-links";
import { sectionProblem, type ReportModel, type ReportSection } from "./report-model";
import { formatNumber, utcStamp } from "./svg-text";

export type Cell = { text: string; href?: string | null };
export type ReportTable = { caption: string; columns: string[]; rows: Cell[][] };
export type ReportBlock = { kind: "table"; table: ReportTable } | { kind: "note"; text: string };

const cell = (text: string, href: string | null = null): Cell => ({ text, href });
const note = (text: string): ReportBlock => ({ kind: "note", text });
const table = (caption: string, columns: string[], rows: Cell[][]): ReportBlock => ({ kind: "table", table: { caption, columns, rows } });
const resourceName = (index: string | null) => (index === null ? "table" : `GSI ${index}`);
const stamp = (ms: number | null) => (ms === null ? "—" : utcStamp(ms));

/** The section's problem as a note, when it has one. */
function problemBlocks(section: ReportSection<unknown>, what: string): ReportBlock[] | null {
  const problem = sectionProblem(section);
  return problem === null ? null : [note(`${what} ${problem}`)];
}

const RULE_CAPTIONS: Record<InsightRuleKind, string> = {
  PKC: "most accessed partition keys (consumed throughput units, 3 × WCU + RCU)",
  PKT: "most throttled partition keys (throttled requests)",
  SKC: "most accessed partition + sort keys (consumed throughput units)",
  SKT: "most throttled partition + sort keys (throttled requests)",
};
const HOT_KEY_ROWS = 10;

function hotKeyTables(model: ReportModel, insights: InsightsResponse): ReportBlock[] {
  if (!insights.report) {
    const statuses = insights.status.map((status) => `${resourceName(status.index)}: ${status.status}${status.reason ? ` (${status.reason})` : ""}`).join(", ");
    return [note(`Contributor Insights is not enabled on this table or its GSIs, so no keys were reported (${statuses || "no status"}).`)];
  }
  // A digest opens nothing in the browser, so a viewer's keys are not linked (as on the page).
  const linked = !insights.keysDigested && !model.keysDigested;
  const blocks = insights.report.resources.flatMap((resource) =>
    (["PKC", "PKT", "SKC", "SKT"] as const).flatMap((kind) => {
      const rule = resource.rules[kind];
      if (!rule) return [];
      const rows = rule.contributors.slice(0, HOT_KEY_ROWS).map((contributor) => {
        const key = contributor.keys.join(" / ");
        const partition = contributor.keys[0];
        return [
          cell(key, linked && partition !== undefined ? partitionHref(model, resource.index, partition) : null),
          cell(formatNumber(contributor.total)),
          cell(formatNumber(contributor.peakPerMinute)),
          cell(stamp(contributor.peakAt)),
          cell(contributor.throttled === null ? "—" : formatNumber(contributor.throttled)),
        ];
      });
      const more = rule.contributors.length > HOT_KEY_ROWS ? ` (top ${HOT_KEY_ROWS} of ${rule.contributors.length} listed)` : "";
      const caption = `${resourceName(resource.index)}: ${RULE_CAPTIONS[kind]}`;
      if (rows.length === 0) return [note(`${caption}: no contributors in this window.`)];
      return [table(`${caption}${more}`, ["Key", "Total", "Peak per minute", "Peak at", "Throttled requests"], rows)];
    }),
  );
  return blocks.length > 0 ? blocks : [note("Contributor Insights reported no rules for this window.")];
}

export function hotKeyBlocks(model: ReportModel): ReportBlock[] {
  return problemBlocks(model.insights, "Contributor Insights") ?? (model.insights.ok ? hotKeyTables(model, model.insights.value) : []);
}

const SIGNS: Record<string, string> = { GreaterThanOrEqualToThreshold: "≥", GreaterThanThreshold: ">", LessThanThreshold: "<", LessThanOrEqualToThreshold: "≤" };

function alarmCondition(alarm: TableAlarm): string {
  if (alarm.kind === "composite") return alarm.rule ?? "composite";
  const metric = alarm.metric ? `${alarm.metric.statistic ?? ""} ${alarm.metric.metricName}${alarm.metric.index ? ` (GSI ${alarm.metric.index})` : ""}`.trim() : (alarm.expression ?? "metric math");
  const sign = alarm.comparison ? (SIGNS[alarm.comparison] ?? alarm.comparison) : "";
  const threshold = alarm.threshold === null ? "" : ` ${sign} ${formatNumber(alarm.threshold)}`;
  const periods = alarm.evaluationPeriods && alarm.periodSeconds ? ` for ${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} × ${alarm.periodSeconds} s` : "";
  return `${metric}${threshold}${periods}`;
}

function alarmSpans(alarm: TableAlarm): string {
  if (alarm.alarmPeriods.length === 0) return "none";
  return alarm.alarmPeriods.map((period) => `${utcStamp(period.start)} → ${period.end === null ? "still in ALARM" : utcStamp(period.end)}`).join("; ");
}

export function alarmBlocks(model: ReportModel): ReportBlock[] {
  const problem = problemBlocks(model.alarms, "The alarms");
  if (problem || !model.alarms.ok) return problem ?? [];
  const response = model.alarms.value;
  if (response.alarms.length === 0) return [note("No CloudWatch alarm watches this table or its GSIs.")];
  const rows = response.alarms.map((alarm) => [
    cell(`${alarm.name}${alarm.managedByAutoScaling ? " (auto scaling's own)" : ""}`),
    cell(alarm.state),
    cell(stamp(alarm.stateSince)),
    cell(alarmCondition(alarm)),
    cell(alarmSpans(alarm)),
  ]);
  const changes = response.alarms
    .flatMap((alarm) => alarm.history.map((change) => ({ alarm: alarm.name, ...change })))
    .sort((a, b) => a.at - b.at)
    .map((change) => [cell(utcStamp(change.at)), cell(change.alarm), cell(`${change.from ?? "?"} → ${change.to}`), cell(change.summary)]);
  const blocks = [
    table(`${response.alarms.length} alarm${response.alarms.length === 1 ? "" : "s"}, ${response.inAlarm} paging one${response.inAlarm === 1 ? "" : "s"} in ALARM`, ["Alarm", "State", "Since", "Condition", "In ALARM during the window"], rows),
    changes.length > 0 ? table("State changes in the window", ["Time", "Alarm", "Change", "Reason"], changes) : note("No alarm changed state in the window."),
  ];
  if (!response.historyComplete) blocks.push(note(`The alarm history is incomplete: ${response.historyError ?? "not every state change could be read"}. Spans before the first known change come from the current state.`));
  return blocks;
}

function targetRow(target: ScalingTarget): Cell[] {
  const policy = target.policies.map((entry) => (entry.targetValue === null ? entry.name : `${entry.name}: target ${formatNumber(entry.targetValue)}%`)).join("; ") || "no policy";
  const suspended = Object.entries(target.suspended).filter(([, on]) => on).map(([what]) => what);
  return [cell(resourceName(target.index)), cell(`${target.kind}s`), cell(`${formatNumber(target.minCapacity)} – ${formatNumber(target.maxCapacity)}`), cell(policy), cell(suspended.length > 0 ? `suspended: ${suspended.join(", ")}` : "active")];
}

/** Real changes one row each; not-scaled records (one a minute at the maximum) summed up per reason, as the page does. */
function activityRows(targets: readonly ScalingTarget[]): Cell[][] {
  const rows: Array<{ at: number; cells: Cell[] }> = [];
  for (const target of targets) {
    const notScaled = new Map<string, ScalingActivity[]>();
    for (const activity of target.activities) {
      if (activity.notScaledReasons.length === 0) {
        rows.push({ at: activity.start, cells: [cell(utcStamp(activity.start)), cell(`${resourceName(target.index)} ${target.kind}s`), cell(activity.status), cell(activity.statusMessage ? `${activity.description} (${activity.statusMessage})` : activity.description), cell(activity.cause)] });
      } else {
        const reason = activity.notScaledReasons.join(", ");
        notScaled.set(reason, [...(notScaled.get(reason) ?? []), activity]);
      }
    }
    for (const [reason, activities] of notScaled) {
      const first = activities[0];
      const last = activities[activities.length - 1];
      if (!first || !last) continue;
      rows.push({ at: first.start, cells: [cell(`${utcStamp(first.start)} → ${utcStamp(last.start)}`), cell(`${resourceName(target.index)} ${target.kind}s`), cell("not scaled"), cell(`${activities.length} time${activities.length === 1 ? "" : "s"}: ${reason}`), cell(first.cause)] });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map((row) => row.cells);
}

export function scalingBlocks(model: ReportModel): ReportBlock[] {
  const problem = problemBlocks(model.scaling, "Auto scaling");
  if (problem || !model.scaling.ok) return problem ?? [];
  const response = model.scaling.value;
  if (response.targets.length === 0) {
    return [note(response.billingMode === "PAY_PER_REQUEST" ? "The table is on-demand: it has no auto scaling targets." : "No auto scaling is set up for this table or its GSIs.")];
  }
  const activities = activityRows(response.targets);
  const blocks = [
    table("Auto scaling targets", ["Resource", "Capacity", "Min – max", "Policies", "State"], response.targets.map(targetRow)),
    activities.length > 0 ? table("Scaling activities in the window", ["Start", "Target", "Status", "What", "Cause"], activities) : note("No scaling activity started in the window."),
  ];
  if (response.activitiesComplete === false) blocks.push(note("The oldest activities in the window were not read (the account has more than the dashboard pages through)."));
  return blocks;
}

export function changeBlocks(model: ReportModel): ReportBlock[] {
  const problem = problemBlocks(model.changes, "The change history");
  if (problem || !model.changes.ok) return problem ?? [];
  const response = model.changes.value;
  const blocks: ReportBlock[] = [];
  if (response.changes.length === 0) blocks.push(note("No management change to this table or its auto scaling in the window."));
  else {
    const rows = response.changes.map((change) => [
      cell(utcStamp(change.at)),
      cell(whoLabel(change)),
      cell(`${change.eventName}${change.index ? ` (GSI ${change.index})` : ""}`),
      cell(change.summary.join("; ") || "—"),
      cell(change.error ? `failed: ${change.error}` : change.automatic ? "made by AWS" : "done"),
    ]);
    blocks.push(table(`${response.changes.length} change${response.changes.length === 1 ? "" : "s"} (CloudTrail)`, ["Time", "Who", "Call", "What changed", "Result"], rows));
  }
  if (!response.complete) blocks.push(note(`The change history may be incomplete: ${response.incompleteReason ?? "the lookup stopped before the window's start"}.`));
  return blocks;
}
