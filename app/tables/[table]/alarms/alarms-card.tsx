"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { Badge, type Tone } from "@/components/ui/status-badge";
import { alarmCondition } from "@/lib/alarms/alarm-condition";
import type { AlarmsResponse, AlarmState, TableAlarm } from "@/lib/alarms/alarm-types";

const STATE_TONE: Record<AlarmState, Tone> = { ALARM: "bad", INSUFFICIENT_DATA: "neutral", OK: "good" };
const STATE_LABEL: Record<AlarmState, string> = { ALARM: "ALARM", INSUFFICIENT_DATA: "insufficient data", OK: "OK" };

function since(ms: number | null, timeZone: "UTC" | "local", now: number): string {
  if (ms === null) return "";
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  const text = new Date(ms).toLocaleString("en-GB", {
    timeZone: timeZone === "UTC" ? "UTC" : undefined,
    hour: "2-digit",
    minute: "2-digit",
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
  });
  return `since ${text}${timeZone === "UTC" ? " UTC" : ""}`;
}

function AlarmRow({ alarm, timeZone, now }: { alarm: TableAlarm; timeZone: "UTC" | "local"; now: number }) {
  return (
    <li className="space-y-0.5 py-2" data-testid="alarm" data-state={alarm.state} data-name={alarm.name}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={STATE_TONE[alarm.state]}>{STATE_LABEL[alarm.state]}</Badge>
        <span className="font-medium break-all">{alarm.name}</span>
        <span className="text-xs text-slate-500">{since(alarm.stateSince, timeZone, now)}</span>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{alarmCondition(alarm)}</p>
      {alarm.description ? <p className="text-xs text-slate-500 italic">{alarm.description}</p> : null}
      {alarm.state !== "OK" && alarm.stateReason ? <p className="text-xs break-words text-slate-500">{alarm.stateReason}</p> : null}
    </li>
  );
}

/** The CloudWatch alarms that watch this table: the ones that page people first, auto scaling's own folded away. */
export function AlarmsCard({ data, error, timeZone }: { data: AlarmsResponse | undefined; error: string | null; timeZone: "UTC" | "local" }) {
  const paging = data?.alarms.filter((alarm) => !alarm.managedByAutoScaling) ?? [];
  const managed = data?.alarms.filter((alarm) => alarm.managedByAutoScaling) ?? [];
  return (
    <section aria-labelledby="alarms-heading" className="min-w-0 wrap-anywhere rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="alarms-card">
      <h2 id="alarms-heading" className="mb-2 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Alarms
        <TermHint term="alarm" label="About alarms" />
        {data && data.inAlarm > 0 ? <Badge tone="bad">{data.inAlarm} in ALARM</Badge> : null}
      </h2>
      {error ? <p className="text-sm text-rose-700 dark:text-rose-400">Could not read alarms: {error}</p> : null}
      {!data && !error ? <div aria-busy="true" className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-800" /> : null}
      {data && paging.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="alarms-empty">
          No CloudWatch alarm watches this table or its indexes{managed.length > 0 ? " (besides auto scaling's own)" : ""}. Nothing pages anyone about it.
        </p>
      ) : null}
      {paging.length > 0 ? (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="alarm-list">
          {paging.map((alarm) => (
            <AlarmRow key={alarm.arn} alarm={alarm} timeZone={timeZone} now={data?.generatedAt ?? 0} />
          ))}
        </ul>
      ) : null}
      {managed.length > 0 ? (
        <details className="mt-2 text-sm" data-testid="autoscaling-alarms">
          <summary className="cursor-pointer text-xs text-slate-500 hover:text-slate-800 dark:hover:text-slate-200">
            Auto scaling&apos;s own alarms ({managed.length}): they steer capacity and page nobody
          </summary>
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {managed.map((alarm) => (
              <AlarmRow key={alarm.arn} alarm={alarm} timeZone={timeZone} now={data?.generatedAt ?? 0} />
            ))}
          </ul>
        </details>
      ) : null}
      {data && !data.historyComplete ? <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">The alarm history could not be read in full; ALARM spans before the last change are estimated.</p> : null}
    </section>
  );
}
