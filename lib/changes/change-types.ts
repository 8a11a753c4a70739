/** GET /api/tables/:table/changes: management events on a table and its auto scaling, from CloudTrail. Client-safe. */

export type ChangeKind = "capacity" | "billing" | "index" | "scaling" | "ttl" | "backup" | "stream" | "insights" | "tags" | "delete" | "restore" | "other";

export type TableChange = {
  /** CloudTrail's EventId. */
  id: string;
  /** EventTime, epoch ms. */
  at: number;
  /** e.g. UpdateTable, PutScalingPolicy. */
  eventName: string;
  /** dynamodb.amazonaws.com or application-autoscaling.amazonaws.com */
  eventSource: string;
  /** Who made it: the identity ARN, or a digest of it for viewers (whoDigested). */
  who: string;
  whoDigested: boolean;
  /** The table's own resource (table/<name>) or one of its parts (table/<name>/index/<gsi>). */
  resource: string;
  /** The GSI it touched; null for the table itself. */
  index: string | null;
  kind: ChangeKind;
  /** What changed, in short phrases: "write capacity 20 → 5", "GSI ByStatus created", "maximum 400 → 100". */
  summary: string[];
  /** The call failed (CloudTrail's errorCode): nothing changed, but someone tried. */
  error: string | null;
};

export type ChangesResponse = {
  table: string;
  window: { start: number; end: number };
  /** Oldest first. */
  changes: TableChange[];
  /** False when the lookup stopped before the window's start (paging cap or a throttled lookup). */
  complete: boolean;
  generatedAt: number;
};
