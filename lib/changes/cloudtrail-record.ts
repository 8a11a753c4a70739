/**
 * The CloudTrail record LookupEvents returns as a JSON string (`CloudTrailEvent`), parsed with only the members the
 * change history reads. Client-safe, pure. The record spells the API's members with a lower-case first letter
 * (`provisionedThroughput`, `tableName`, `sSESpecification`): see AWS's sample records in the DynamoDB developer guide
 * ("Understanding DynamoDB log file entries") and the Application Auto Scaling user guide.
 */
import { z } from "zod";

/** A JSON object member of a record, as the rules read it: anything, narrowed where it is used. */
export type Members = Record<string, unknown>;

const members = z.record(z.string(), z.unknown());

const recordSchema = z.object({
  eventID: z.string().optional(),
  eventName: z.string(),
  eventSource: z.string(),
  eventTime: z.string().optional(),
  userIdentity: z
    .object({
      type: z.string().optional(),
      arn: z.string().optional(),
      principalId: z.string().optional(),
      userName: z.string().optional(),
      // Set when an AWS service made the call on the account's behalf (e.g. auto scaling's service-linked role).
      invokedBy: z.string().optional(),
    })
    .loose()
    .optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestParameters: members.nullable().optional(),
  responseElements: members.nullable().optional(),
  // Application Auto Scaling's records carry { service: "application-autoscaling" } here: their eventSource is
  // autoscaling.amazonaws.com, shared with EC2 Auto Scaling.
  additionalEventData: members.nullable().optional(),
  resources: z.array(z.object({ ARN: z.string().optional(), type: z.string().optional() }).loose()).optional(),
});

export type CloudTrailRecord = z.infer<typeof recordSchema>;

/** The record, or null when the string is not a CloudTrail record (it is then left out, and counted by the caller). */
export function parseCloudTrailRecord(json: string): CloudTrailRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Not JSON: the caller counts it as unreadable; nothing else to keep.
    return null;
  }
  const result = recordSchema.safeParse(value);
  return result.success ? result.data : null;
}

// --- Narrowing helpers for the loosely typed members --------------------------------------------------------------

export function obj(value: unknown): Members | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Members) : null;
}

export function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** A number, also from a numeric string (some records print numbers as strings). */
export function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A member by its CloudTrail spelling, or by the API's own (a capitalized first letter), whichever is present. */
export function member(from: Members | null, name: string): unknown {
  if (!from) return undefined;
  if (name in from) return from[name];
  const api = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return from[api];
}
