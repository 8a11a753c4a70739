/** GET /api/tables/:table/scaling: Application Auto Scaling for a table and its GSIs. Client-safe. */

export type ScalableDimension = "dynamodb:table:ReadCapacityUnits" | "dynamodb:table:WriteCapacityUnits" | "dynamodb:index:ReadCapacityUnits" | "dynamodb:index:WriteCapacityUnits";

export type ScalingPolicySummary = {
  name: string;
  /** TargetTrackingScaling or StepScaling (DynamoDB supports target tracking; others are listed as they are). */
  type: string;
  /** Target utilization, percent; null for non-target-tracking policies. */
  targetValue: number | null;
  /** DynamoDBReadCapacityUtilization / DynamoDBWriteCapacityUtilization, or "custom". */
  metric: string | null;
  scaleOutCooldownSeconds: number | null;
  scaleInCooldownSeconds: number | null;
  disableScaleIn: boolean;
  /** The CloudWatch alarms the policy created (their names). */
  alarms: string[];
};

export type ScheduledActionSummary = {
  name: string;
  /** at(…), rate(…) or cron(…), as AWS stores it. */
  schedule: string;
  timezone: string | null;
  minCapacity: number | null;
  maxCapacity: number | null;
  start: number | null;
  end: number | null;
};

export type ScalingActivity = {
  id: string;
  /** Pending, InProgress, Successful, Overridden, Unfulfilled, Failed. */
  status: string;
  statusMessage: string | null;
  description: string;
  cause: string;
  start: number;
  end: number | null;
  /** The capacity the activity set, read from its description ("Setting write capacity units to 15."); null when it names none. */
  capacity: number | null;
  /** "out" raised capacity, "in" lowered it, null when unknown. */
  direction: "out" | "in" | null;
  /** NotScaledReasons codes (e.g. AlreadyAtMaxCapacity) for activities that did not scale. */
  notScaledReasons: string[];
};

export type ScalingTarget = {
  /** table/<name> or table/<name>/index/<gsi> */
  resourceId: string;
  /** null: the table itself. */
  index: string | null;
  kind: "read" | "write";
  dimension: ScalableDimension;
  minCapacity: number;
  maxCapacity: number;
  /** True when a scheduled action or an operator suspended scaling (SuspendedState). */
  suspended: { dynamicScalingIn: boolean; dynamicScalingOut: boolean; scheduledScaling: boolean };
  policies: ScalingPolicySummary[];
  scheduledActions: ScheduledActionSummary[];
  /** Activities that started in the window, oldest first. */
  activities: ScalingActivity[];
};

export type ScalingResponse = {
  table: string;
  window: { start: number; end: number };
  /** PROVISIONED tables can auto scale; on-demand tables have no targets. */
  billingMode: "PROVISIONED" | "PAY_PER_REQUEST";
  targets: ScalingTarget[];
  /**
   * Added by the server: false when the scope had so many activities that the oldest in the window were left unread
   * (DescribeScalingActivities is paged newest first). Absent is read as true.
   */
  activitiesComplete?: boolean;
  generatedAt: number;
};
