/**
 * What a DynamoDB scaling activity did, read off its text. Application Auto Scaling gives no capacity field: its
 * Description says "Setting write capacity units to 15." (the API reference's DynamoDB examples), and its Cause names
 * the alarm ("monitor alarm TargetTracking-table/T-AlarmHigh-… in state ALARM triggered policy P") or the scheduled
 * change ("minimum capacity was set to 15"). Client-safe, pure.
 */
import type { ScalingActivity } from "./scaling-types";
import type { ScopeActivity } from "./scope-scaling-data";

const SETTING = /^Setting (?:read|write) capacity units to (\d+(?:\.\d+)?)\.?$/;

/** The capacity an activity set, from "Setting read capacity units to 15."; null when the description names none. */
export function activityCapacity(description: string): number | null {
  const match = SETTING.exec(description.trim());
  const value = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  return Number.isFinite(value) ? value : null;
}

/**
 * The direction when there is no earlier capacity to compare with: target tracking raises capacity on its AlarmHigh
 * (and DynamoDB's ProvisionedCapacityLow, which fires when capacity is below what the table needs) and lowers it on
 * AlarmLow; a raised minimum can only raise capacity, a lowered maximum only lower it.
 */
function directionFromCause(cause: string): ScalingActivity["direction"] {
  if (/-AlarmHigh-/.test(cause) || /minimum capacity was set to/.test(cause)) return "out";
  if (/-AlarmLow-/.test(cause) || /maximum capacity was set to/.test(cause)) return "in";
  return null;
}

/**
 * One target's activities as the API returns them, oldest first, each with the capacity it set and its direction
 * compared with the capacity set before it (an earlier activity, even one before the window); `inWindow` says which
 * to keep. Activities that did not scale (NotScaledReasons) set nothing and have no direction.
 */
export function targetActivities(activities: readonly ScopeActivity[], inWindow: (activity: ScopeActivity) => boolean): ScalingActivity[] {
  const ordered = [...activities].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  const result: ScalingActivity[] = [];
  let previous: number | null = null;
  for (const activity of ordered) {
    const scaled = activity.notScaledReasons.length === 0;
    const capacity = scaled ? activityCapacity(activity.description) : null;
    let direction: ScalingActivity["direction"] = null;
    if (capacity !== null) direction = previous !== null && capacity !== previous ? (capacity > previous ? "out" : "in") : previous === null ? directionFromCause(activity.cause) : null;
    // A failed change left the capacity where it was, so it is no baseline for the next one.
    if (capacity !== null && activity.status !== "Failed") previous = capacity;
    if (!inWindow(activity)) continue;
    result.push({
      id: activity.id,
      status: activity.status,
      statusMessage: activity.statusMessage,
      description: activity.description,
      cause: activity.cause,
      start: activity.start,
      end: activity.end,
      capacity,
      direction,
      notScaledReasons: activity.notScaledReasons,
    });
  }
  return result;
}
