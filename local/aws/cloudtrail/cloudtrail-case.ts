/**
 * CloudTrail records an API call's request and response with each member name's first letter lower-cased, and
 * nothing else changed: DynamoDB's `ProvisionedThroughput` becomes `provisionedThroughput`, `SSESpecification`
 * `sSESpecification`, `RoleARN` `roleARN` (as AWS's own sample records show, e.g. DAX's `sSESpecification`).
 */
export function cloudTrailName(name: string): string {
  return name.length === 0 ? name : `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * How CloudTrail prints a timestamp inside DynamoDB's responseElements (AWS's sample UpdateTable record:
 * `"creationDateTime": "May 3, 2015 11:34:14 PM"`), in UTC.
 */
export function cloudTrailDateTime(epochSeconds: number): string {
  const at = new Date(Math.round(epochSeconds * 1000));
  const hours = at.getUTCHours();
  const pad = (value: number) => String(value).padStart(2, "0");
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`;
  return `${MONTHS[at.getUTCMonth()] ?? ""} ${at.getUTCDate()}, ${at.getUTCFullYear()} ${clock}`;
}

export type CaseOptions = {
  /** Members whose numeric value is an epoch-seconds timestamp to print as CloudTrail does (DynamoDB's `…DateTime`). */
  isTimestamp?: (name: string) => boolean;
};

/** A request or response as the API spells it, converted to the way CloudTrail records it. */
export function toCloudTrailCase(value: unknown, options: CaseOptions = {}): unknown {
  if (Array.isArray(value)) return value.map((entry) => toCloudTrailCase(entry, options));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, member]) => [
      cloudTrailName(name),
      typeof member === "number" && options.isTimestamp?.(name) === true ? cloudTrailDateTime(member) : toCloudTrailCase(member, options),
    ]),
  );
}
