/** GET /api/tables/:table/changes: management events on a table and its auto scaling, from CloudTrail. Client-safe. */

export type ChangeKind = "capacity" | "billing" | "index" | "scaling" | "ttl" | "backup" | "stream" | "insights" | "tags" | "delete" | "restore" | "other";

export type TableChange = {
  /** CloudTrail's EventId. */
  id: string;
  /** EventTime, epoch ms. */
  at: number;
  /** e.g. UpdateTable, PutScalingPolicy. */
  eventName: string;
  /**
   * dynamodb.amazonaws.com, or autoscaling.amazonaws.com for Application Auto Scaling: CloudTrail records its calls
   * under that source with additionalEventData.service "application-autoscaling" (its user guide's sample records).
   */
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
  /**
   * Added with the server: what changed, as facts the diagnosis reads ("changed-before"); the summary says the same
   * in words. Empty for a failed call and for changes the rules do not weigh (tags, TTL, ...).
   */
  effects?: ChangeEffect[];
  /**
   * Added with the server: made by AWS on the account's behalf (auto scaling's service-linked role adjusting
   * capacity, or any call CloudTrail records with userIdentity.invokedBy), not by a person or a deploy.
   */
  automatic?: boolean;
};

export type ChangeDirection = "read" | "write";

/**
 * One fact a change set, for the rules. `index` is the GSI (null: the table). `from` is null when the change history
 * does not say what the value was before. An on-demand maximum of "none" is no maximum (AWS's -1).
 */
export type ChangeEffect =
  | { type: "capacity"; index: string | null; direction: ChangeDirection; from: number | null; to: number }
  | { type: "on-demand-maximum"; index: string | null; direction: ChangeDirection; from: number | "none" | null; to: number | "none" }
  | { type: "billing"; from: "PROVISIONED" | "PAY_PER_REQUEST" | null; to: "PROVISIONED" | "PAY_PER_REQUEST" }
  | { type: "index-created"; index: string }
  | { type: "index-deleted"; index: string }
  | { type: "scaling-minimum"; index: string | null; direction: ChangeDirection; from: number | null; to: number }
  | { type: "scaling-maximum"; index: string | null; direction: ChangeDirection; from: number | null; to: number }
  | { type: "scaling-removed"; index: string | null; direction: ChangeDirection }
  | { type: "scaling-policy-removed"; index: string | null; direction: ChangeDirection; policy: string };

export type ChangesResponse = {
  table: string;
  window: { start: number; end: number };
  /** Oldest first. */
  changes: TableChange[];
  /** False when the lookup stopped before the window's start (paging cap or a throttled lookup). */
  complete: boolean;
  /** Added with the server: why `complete` is false (a throttled lookup, the paging cap); null when complete. */
  incompleteReason?: string | null;
  generatedAt: number;
};
