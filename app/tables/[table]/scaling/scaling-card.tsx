"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { Badge } from "@/components/ui/status-badge";
import { formatDuration } from "@/lib/format/format-duration";
import type { ScalingActivity, ScalingResponse, ScalingTarget } from "@/lib/scaling/scaling-types";

const UNIT = { read: "RCU", write: "WCU" } as const;
/** Activities listed per target; the charts mark every one. */
const SHOWN_ACTIVITIES = 5;

function clock(ms: number, timeZone: "UTC" | "local"): string {
  return new Date(ms).toLocaleString("en-GB", { timeZone: timeZone === "UTC" ? "UTC" : undefined, hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });
}

function policyLine(target: ScalingTarget): string {
  const policy = target.policies[0];
  if (!policy) return "No scaling policy: the limits hold, but nothing moves the capacity between them.";
  const parts = [
    policy.targetValue === null ? policy.type : `target ${policy.targetValue}% used`,
    policy.scaleOutCooldownSeconds === null ? null : policy.scaleOutCooldownSeconds === 0 ? "no wait between raises" : `waits ${formatDuration(policy.scaleOutCooldownSeconds * 1000)} between raises`,
    policy.disableScaleIn ? "never lowers capacity" : policy.scaleInCooldownSeconds === null ? null : policy.scaleInCooldownSeconds === 0 ? "no wait between cuts" : `waits ${formatDuration(policy.scaleInCooldownSeconds * 1000)} between cuts`,
  ];
  return parts.filter((part) => part !== null).join(" · ");
}

function ActivityRow({ activity, unit, timeZone }: { activity: ScalingActivity; unit: string; timeZone: "UTC" | "local" }) {
  const failed = activity.status === "Failed" || activity.status === "Unfulfilled";
  const arrow = activity.direction === "in" ? "▼" : "▲";
  return (
    <li className="text-xs" data-testid="scaling-activity" data-direction={activity.direction ?? "unknown"} data-status={activity.status}>
      <span aria-hidden className={failed ? "text-rose-600" : activity.direction === "in" ? "text-indigo-500" : "text-teal-600"}>
        {arrow}{" "}
      </span>
      <span className="tabular-nums">{clock(activity.start, timeZone)}</span>{" "}
      {activity.capacity === null ? activity.description : `to ${activity.capacity.toLocaleString("en-US")} ${unit}`}
      {failed ? <span className="text-rose-700 dark:text-rose-400"> — {activity.status.toLowerCase()}{activity.statusMessage ? `: ${activity.statusMessage}` : ""}</span> : null}
    </li>
  );
}

/** "Held back 21 times at its maximum (AlreadyAtMaxCapacity), last at 13:08": not-scaled records, one line per reason. */
function NotScaledSummary({ activities, timeZone }: { activities: ScalingActivity[]; timeZone: "UTC" | "local" }) {
  const byReason = new Map<string, ScalingActivity[]>();
  for (const activity of activities) {
    const reason = activity.notScaledReasons.join(", ");
    byReason.set(reason, [...(byReason.get(reason) ?? []), activity]);
  }
  return (
    <>
      {[...byReason.entries()].map(([reason, group]) => (
        <li key={reason} className="text-xs text-amber-800 dark:text-amber-300" data-testid="scaling-not-scaled" data-reason={reason}>
          <span aria-hidden>■ </span>
          {reason === "AlreadyAtMaxCapacity" ? "Wanted more but stopped at the maximum" : reason === "AlreadyAtMinCapacity" ? "Wanted less but stopped at the minimum" : `Did not scale (${reason})`}{" "}
          {group.length === 1 ? "once" : `${group.length} times`}, last at {clock(group[group.length - 1]?.start ?? 0, timeZone)}
        </li>
      ))}
    </>
  );
}

function TargetBlock({ target, timeZone }: { target: ScalingTarget; timeZone: "UTC" | "local" }) {
  const unit = UNIT[target.kind];
  // Records of scaling that did not happen (at the maximum, say) come every minute; they are summed up, not listed.
  const changes = target.activities.filter((activity) => activity.notScaledReasons.length === 0);
  const notScaled = target.activities.filter((activity) => activity.notScaledReasons.length > 0);
  const recent = changes.slice(-SHOWN_ACTIVITIES).reverse();
  const suspended = Object.entries(target.suspended).filter(([, on]) => on).map(([what]) => what);
  return (
    <li className="space-y-1 py-2" data-testid="scaling-target" data-resource={target.resourceId} data-kind={target.kind}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">
          {target.index ? <span className="font-mono">{target.index}</span> : "Table"} {target.kind}s
        </span>
        <span className="text-sm tabular-nums" data-testid="scaling-limits">
          {target.minCapacity.toLocaleString("en-US")}–{target.maxCapacity.toLocaleString("en-US")} {unit}
        </span>
        {suspended.length > 0 ? <Badge tone="busy">suspended: {suspended.join(", ")}</Badge> : null}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{policyLine(target)}</p>
      {target.scheduledActions.length > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Scheduled: {target.scheduledActions.map((action) => `${action.schedule}${action.minCapacity !== null || action.maxCapacity !== null ? ` → ${action.minCapacity ?? "…"}–${action.maxCapacity ?? "…"}` : ""}`).join("; ")}
        </p>
      ) : null}
      {target.activities.length > 0 ? (
        <ul className="space-y-0.5" aria-label={`Recent auto scaling of ${target.index ?? "the table"} ${target.kind}s`}>
          <NotScaledSummary activities={notScaled} timeZone={timeZone} />
          {recent.map((activity) => (
            <ActivityRow key={activity.id} activity={activity} unit={unit} timeZone={timeZone} />
          ))}
          {changes.length > SHOWN_ACTIVITIES ? <li className="text-xs text-slate-500">and {changes.length - SHOWN_ACTIVITIES} earlier changes in this window (all are marked on the charts)</li> : null}
        </ul>
      ) : (
        <p className="text-xs text-slate-500">No scaling in this window.</p>
      )}
    </li>
  );
}

/** How the table's capacity is scaled, and what scaling did in the window. */
export function ScalingCard({ data, error, timeZone }: { data: ScalingResponse | undefined; error: string | null; timeZone: "UTC" | "local" }) {
  return (
    <section aria-labelledby="scaling-heading" className="min-w-0 wrap-anywhere rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="scaling-card">
      <h2 id="scaling-heading" className="mb-2 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Auto scaling
        <TermHint term="auto-scaling" label="About auto scaling" />
      </h2>
      {error ? <p className="text-sm text-rose-700 dark:text-rose-400">Could not read auto scaling: {error}</p> : null}
      {!data && !error ? <div aria-busy="true" className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-800" /> : null}
      {data && data.billingMode === "PAY_PER_REQUEST" ? <p className="text-sm text-slate-600 dark:text-slate-400">On-demand: DynamoDB follows the traffic itself; there is nothing to scale.</p> : null}
      {data && data.billingMode === "PROVISIONED" && data.targets.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="scaling-none">
          None: the provisioned capacity stays where it was set until someone changes it.
        </p>
      ) : null}
      {data && data.targets.length > 0 ? (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {data.targets.map((target) => (
            <TargetBlock key={target.dimension + target.resourceId} target={target} timeZone={timeZone} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
