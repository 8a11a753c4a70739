import type { DynamoDbDimension, ResourceRef, Tenant } from "./identifiers";
import type { NotScaledReason, TrackingAlarmKind, TrackingSettings } from "../../../lib/scaling/target-tracking-model";

export type SuspendedState = { DynamicScalingInSuspended: boolean; DynamicScalingOutSuspended: boolean; ScheduledScalingSuspended: boolean };

export type TargetRecord = {
  resourceId: string;
  resource: ResourceRef;
  dimension: DynamoDbDimension;
  min: number;
  max: number;
  roleArn: string;
  arn: string;
  createdMs: number;
  suspended: SuspendedState;
  lastScaleOutMs: number | null;
  lastScaleInMs: number | null;
};

export type PolicyRecord = {
  name: string;
  arn: string;
  resourceId: string;
  dimension: DynamoDbDimension;
  settings: TrackingSettings;
  predefinedMetricType: string;
  resourceLabel: string | undefined;
  alarmNames: Record<TrackingAlarmKind, string>;
  /** The provisioned capacity the alarms' thresholds were last computed from. */
  alarmsCapacity: number | null;
  createdMs: number;
};

export type ScheduledActionRecord = {
  name: string;
  arn: string;
  resourceId: string;
  dimension: DynamoDbDimension;
  schedule: string;
  timezone: string | undefined;
  startMs: number | undefined;
  endMs: number | undefined;
  min: number | undefined;
  max: number | undefined;
  createdMs: number;
};

export type ActivityRecord = {
  activityId: string;
  resourceId: string;
  dimension: DynamoDbDimension;
  description: string;
  cause: string;
  startMs: number;
  endMs: number | undefined;
  statusCode: "Successful" | "Failed";
  statusMessage: string | undefined;
  notScaledReasons: NotScaledReason[] | undefined;
};

/** AWS keeps six weeks of scaling activities; the local store also caps each target's list. */
export const ACTIVITY_RETENTION_MS = 42 * 24 * 3_600_000;
const MAX_ACTIVITIES_PER_TARGET = 2_000;

export const targetKey = (resourceId: string, dimension: string) => `${resourceId}|${dimension}`;

/** One account's auto scaling in one region. Maps keep insertion order, which is the order Describe* lists them in. */
export class TenantScaling {
  readonly targets = new Map<string, TargetRecord>();
  readonly policies = new Map<string, PolicyRecord>();
  readonly scheduledActions = new Map<string, ScheduledActionRecord>();
  /** Newest first, as DescribeScalingActivities lists them. */
  private activities: ActivityRecord[] = [];

  constructor(readonly tenant: Tenant) {}

  policyKey = (resourceId: string, dimension: string, name: string) => `${targetKey(resourceId, dimension)}|${name}`;

  policiesOf(resourceId: string, dimension: string): PolicyRecord[] {
    return [...this.policies.values()].filter((policy) => policy.resourceId === resourceId && policy.dimension === dimension);
  }

  policyByArn(arn: string): PolicyRecord | undefined {
    return [...this.policies.values()].find((policy) => policy.arn === arn);
  }

  record(activity: ActivityRecord): void {
    const cutoff = activity.startMs - ACTIVITY_RETENTION_MS;
    const sameTarget = (candidate: ActivityRecord) => candidate.resourceId === activity.resourceId && candidate.dimension === activity.dimension;
    let kept = 0;
    this.activities = [activity, ...this.activities].filter((candidate) => {
      if (candidate.startMs < cutoff) return false;
      if (!sameTarget(candidate)) return true;
      kept++;
      return kept <= MAX_ACTIVITIES_PER_TARGET;
    });
  }

  activitiesMatching(filter: { resourceId?: string; dimension?: string; includeNotScaled: boolean }): ActivityRecord[] {
    return this.activities.filter(
      (activity) =>
        (filter.resourceId === undefined || activity.resourceId === filter.resourceId) &&
        (filter.dimension === undefined || activity.dimension === filter.dimension) &&
        (filter.includeNotScaled || activity.notScaledReasons === undefined),
    );
  }

  /** Removes a target and everything attached to it (AWS: deregistering deletes its policies and scheduled actions). */
  removeTarget(resourceId: string, dimension: string): PolicyRecord[] {
    this.targets.delete(targetKey(resourceId, dimension));
    const removed = this.policiesOf(resourceId, dimension);
    for (const policy of removed) this.policies.delete(this.policyKey(resourceId, dimension, policy.name));
    for (const [key, action] of this.scheduledActions) if (action.resourceId === resourceId && action.dimension === dimension) this.scheduledActions.delete(key);
    return removed;
  }
}
