/**
 * Application Auto Scaling's DynamoDB settings and activities for a whole account and region, as the server reads
 * them (one paged read per operation for the `dynamodb` namespace) and before they are cut into one table's part.
 * Client-safe types: the server parses the SDK's output into these.
 */
import type { ScalableDimension, ScalingActivity, ScalingPolicySummary, ScheduledActionSummary, ScalingTarget } from "./scaling-types";

export type ScopeTarget = {
  resourceId: string;
  dimension: ScalableDimension;
  minCapacity: number;
  maxCapacity: number;
  suspended: ScalingTarget["suspended"];
};

export type ScopePolicy = { resourceId: string; dimension: ScalableDimension; policy: ScalingPolicySummary };

/** A scheduled action names its dimension; AWS lists it as optional, and then it applies to the resource as a whole. */
export type ScopeScheduledAction = { resourceId: string; dimension: ScalableDimension | null; action: ScheduledActionSummary };

/** An activity as the scope's read holds it: before the table's view works out the capacity it set and its direction. */
export type ScopeActivity = Omit<ScalingActivity, "capacity" | "direction"> & { resourceId: string; dimension: ScalableDimension };

export type ScopeScalingData = {
  targets: ScopeTarget[];
  policies: ScopePolicy[];
  scheduledActions: ScopeScheduledAction[];
  /** Every activity read, any order. */
  activities: ScopeActivity[];
  /**
   * null: every activity from the window's start on was read. DescribeScalingActivities lists newest first, and
   * reading stops at the first page that reaches back before the window (older ones read are kept: they give the
   * capacity before the window's first activity). A read cut short is complete only from this time (epoch ms).
   */
  activitiesFrom: number | null;
  fetchedAt: number;
};
