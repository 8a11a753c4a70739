import { randomUUID } from "node:crypto";
import { toCloudTrailCase, type CaseOptions } from "./cloudtrail-case";
import type { TrailIdentity } from "./identities";

/** A resource an event names: LookupEvents lists `{ResourceType, ResourceName}`; the record holds its ARN. */
export type TrailResource = { type: string; name: string; arn?: string };

/**
 * One management API call to record, as the service that served it saw it. `request` and `response` are in the API's
 * own member names; the event records them in CloudTrail's camelCase.
 */
export type ManagementCall = {
  eventSource: string;
  eventName: string;
  atMs: number;
  identity: TrailIdentity;
  request: Record<string, unknown> | null;
  /** What the service answered, when CloudTrail records it (null for reads, empty answers and failures). */
  response: Record<string, unknown> | null;
  error?: { code: string; message: string } | null;
  readOnly: boolean;
  resources: readonly TrailResource[];
  /** Service-specific extras, e.g. Application Auto Scaling's `{ service: "application-autoscaling" }`. */
  additionalEventData?: Record<string, unknown>;
  apiVersion?: string;
  /** The service's request id; a fresh one when unset. */
  requestId?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  caseOptions?: CaseOptions;
};

/** A stored event: the fields LookupEvents filters on and lists, and the full record it returns as CloudTrailEvent. */
export type StoredEvent = {
  eventId: string;
  eventName: string;
  eventSource: string;
  eventTimeMs: number;
  readOnly: boolean;
  accessKeyId: string;
  username: string;
  resources: readonly TrailResource[];
  cloudTrailEvent: string;
};

/** The record's time: CloudTrail writes whole seconds in ISO 8601 (`2015-05-04T02:14:52Z`). */
const eventTime = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");

/**
 * Builds the CloudTrail record of a management call in an account and region, with the members AWS's recorded events
 * carry (eventVersion 1.08, AwsApiCall, managementEvent, eventCategory Management, resources with ARNs), and errorCode /
 * errorMessage when the call failed.
 */
export function buildEvent(tenant: { accountId: string; region: string }, call: ManagementCall): StoredEvent {
  const eventId = randomUUID();
  const record = {
    eventVersion: "1.08",
    userIdentity: call.identity.userIdentity,
    eventTime: eventTime(call.atMs),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: tenant.region,
    sourceIPAddress: call.identity.invokedBy ?? call.sourceIPAddress ?? "127.0.0.1",
    userAgent: call.identity.invokedBy ?? call.userAgent ?? "aws-sdk-js",
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message } : {}),
    requestParameters: call.request === null ? null : toCloudTrailCase(call.request, call.caseOptions),
    responseElements: call.error || call.response === null ? null : toCloudTrailCase(call.response, call.caseOptions),
    ...(call.additionalEventData ? { additionalEventData: call.additionalEventData } : {}),
    requestID: call.requestId ?? randomUUID(),
    eventID: eventId,
    readOnly: call.readOnly,
    ...(call.resources.length > 0
      ? { resources: call.resources.map((resource) => ({ accountId: tenant.accountId, type: resource.type, ARN: resource.arn ?? resource.name })) }
      : {}),
    eventType: "AwsApiCall",
    ...(call.apiVersion ? { apiVersion: call.apiVersion } : {}),
    managementEvent: true,
    recipientAccountId: tenant.accountId,
    eventCategory: "Management",
  };
  return {
    eventId,
    eventName: call.eventName,
    eventSource: call.eventSource,
    eventTimeMs: Math.floor(call.atMs / 1000) * 1000,
    readOnly: call.readOnly,
    accessKeyId: call.identity.accessKeyId,
    username: call.identity.username,
    resources: call.resources,
    cloudTrailEvent: JSON.stringify(record),
  };
}

/** LookupEvents' Event, on the wire (EventTime in epoch seconds, as AWS JSON 1.1 sends timestamps). */
export function wireEvent(event: StoredEvent): Record<string, unknown> {
  return {
    EventId: event.eventId,
    EventName: event.eventName,
    ReadOnly: String(event.readOnly),
    AccessKeyId: event.accessKeyId,
    EventTime: event.eventTimeMs / 1000,
    EventSource: event.eventSource,
    Username: event.username,
    Resources: event.resources.map((resource) => ({ ResourceType: resource.type, ResourceName: resource.name })),
    CloudTrailEvent: event.cloudTrailEvent,
  };
}
