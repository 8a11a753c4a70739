/**
 * "Alarm X is firing since 14:02": one critical verdict per CloudWatch alarm that pages someone and is in ALARM.
 * On-call starts from the alarm, so it heads the list; the other verdicts say what is behind it. Client-safe, pure.
 */
import { alarmCondition } from "@/lib/alarms/alarm-condition";
import { alarmSeriesId } from "@/lib/alarms/alarm-chart-series";
import type { TableAlarm } from "@/lib/alarms/alarm-types";
import { pagingInAlarm } from "@/lib/alarms/table-alarm-match";
import type { DiagnosisInput, Evidence, Verdict } from "./diagnosis-types";
import { utcTime } from "./evidence-text";

/** The table's alarms, as GET /api/tables/:table/alarms lists them; null or absent when they could not be read. */
export type AlarmsInput = { alarms?: readonly TableAlarm[] | null };

/** "14:02 UTC" today (the UTC day of `now`), "2025-03-02 14:02 UTC" on another day. */
export function sinceText(ms: number, now: number): string {
  const iso = new Date(ms).toISOString();
  const today = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${today ? utcTime(ms) : `${iso.slice(0, 10)} ${utcTime(ms)}`} UTC`;
}

/** What the alarm's metric is about, in words, and which findings explain it. */
function watches(alarm: TableAlarm): string {
  if (alarm.kind === "composite") {
    const children = alarm.children.map((name) => `“${name}”`).join(", ");
    return `It combines other alarms (${children || "see its rule"}); their own findings, and the ones below, say what set them off.`;
  }
  const names = (alarm.metric ? [alarm.metric] : alarm.metrics).map((metric) => metric.metricName).join(" ");
  const where = alarm.metric?.index ? ` on the index ${alarm.metric.index}` : "";
  if (/Throttle/.test(names)) return `It counts requests DynamoDB turned away${where}. The findings below on capacity, busy keys, auto scaling or limits say why they were turned away.`;
  if (/Consumed/.test(names)) return `It watches how much capacity is used${where}. The capacity and auto scaling findings below say whether that is near a limit.`;
  if (/Provisioned/.test(names)) return `It watches the capacity set${where}. The capacity and auto scaling findings below say whether it follows the traffic.`;
  if (/Replication/.test(names)) return "It watches how late changes reach another region. The replica findings below say how far behind it is.";
  if (/Latency/.test(names)) return "It watches how long requests take. Throttled requests are retried by the SDK and take longer, so the throttling findings below may explain it.";
  if (/Errors/.test(names)) return "It counts failed requests. The request mix and throttling findings below may explain them; the application's own logs name each error.";
  return "The other findings here say what the table went through while it fired.";
}

function alarmVerdict(alarm: TableAlarm, table: string, now: number): Verdict {
  const since = alarm.stateSince === null ? null : sinceText(alarm.stateSince, now);
  const seriesId = alarmSeriesId(alarm, table);
  const window = alarm.stateSince === null ? undefined : { start: alarm.stateSince, end: now };
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: alarm.metric?.metricName ?? (alarm.metrics.map((metric) => metric.metricName).join(", ") || undefined),
      label: `In ALARM${since ? ` since ${since}` : ""}. It fires when: ${alarmCondition(alarm)}`,
      window,
      link: seriesId === null ? undefined : { kind: "chart", seriesId },
    },
  ];
  if (alarm.stateReason) evidence.push({ source: "metric", label: `CloudWatch's reason: ${alarm.stateReason}`, window });
  return {
    kind: "alarm-firing",
    severity: "critical",
    title: `Alarm “${alarm.name}” is firing${since ? ` since ${since}` : ""}.`,
    index: alarm.metric ? alarm.metric.index : undefined,
    evidence,
    suggestion: `${watches(alarm)}${alarm.description ? ` Its description: “${alarm.description}”.` : ""}`,
  };
}

/** One verdict per paging alarm in ALARM, the one firing longest first (auto scaling's own alarms page nobody). */
export function alarmVerdicts(input: AlarmsInput & Pick<DiagnosisInput, "table" | "now">): Verdict[] {
  const firing = pagingInAlarm(input.alarms ?? []);
  return [...firing].sort((a, b) => (a.stateSince ?? Infinity) - (b.stateSince ?? Infinity) || (a.name < b.name ? -1 : 1)).map((alarm) => alarmVerdict(alarm, input.table.name, input.now));
}
