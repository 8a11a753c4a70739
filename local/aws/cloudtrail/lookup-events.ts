import { z } from "zod";
import type { AwsJsonOperation } from "../shared/aws-json-server";
import { decodeToken, encodeToken, fingerprint } from "../shared/paging-token";
import { parseWire } from "../shared/request-body";
import { CloudTrailApiError } from "./cloudtrail-errors";
import type { LookupRateLimit } from "./lookup-rate-limit";
import { wireEvent } from "./trail-event";
import { LOOKUP_ATTRIBUTE_KEYS, type LookupAttributeKey, type LookupFilter, type TrailStore } from "./trail-store";

const inputSchema = z.object({
  LookupAttributes: z.array(z.object({ AttributeKey: z.string(), AttributeValue: z.string() })).optional(),
  // AWS JSON 1.1 timestamps are epoch seconds (fractions allowed).
  StartTime: z.number().optional(),
  EndTime: z.number().optional(),
  EventCategory: z.string().optional(),
  MaxResults: z.number().int().optional(),
  NextToken: z.string().optional(),
});

/** LookupEvents: 1–50 results a call, 50 by default. */
export const MAX_RESULTS = 50;
const positionSchema = z.object({ timeMs: z.number(), seq: z.number().int() });
const isAttributeKey = (key: string): key is LookupAttributeKey => (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);

function attributeOf(attributes: ReadonlyArray<{ AttributeKey: string; AttributeValue: string }> | undefined): LookupFilter["attribute"] {
  if (attributes === undefined || attributes.length === 0) return undefined;
  // "Contains a list of lookup attributes. Currently the list can contain only one item."
  if (attributes.length > 1) throw new CloudTrailApiError("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
  const first = attributes[0];
  if (first === undefined) return undefined;
  const { AttributeKey: key, AttributeValue: value } = first;
  if (!isAttributeKey(key)) throw new CloudTrailApiError("InvalidLookupAttributesException", `${key} is not a valid lookup attribute key; use one of ${LOOKUP_ATTRIBUTE_KEYS.join(", ")}.`);
  // The model: AttributeValue is 1–2000 characters.
  if (value.length < 1 || value.length > 2000) throw new CloudTrailApiError("InvalidLookupAttributesException", "The lookup attribute value must be between 1 and 2000 characters.");
  if (key === "ReadOnly" && value !== "true" && value !== "false") throw new CloudTrailApiError("InvalidLookupAttributesException", "The ReadOnly lookup attribute takes true or false.");
  return { key, value };
}

/**
 * LookupEvents over the tenant's stored management events: at most one lookup attribute, an inclusive time range,
 * newest first, 1–50 a page with a NextToken that only works with the same parameters. EventCategory `insight` asks
 * for Insights events, which the local CloudTrail never has.
 */
export function lookupEventsOperation(store: TrailStore, rateLimit: LookupRateLimit | null): AwsJsonOperation {
  return (body, { scope, nowMs }) => {
    const input = parseWire(inputSchema, body);
    if (rateLimit && !rateLimit.admit(scope, nowMs)) throw new CloudTrailApiError("ThrottlingException", "Rate exceeded");
    const attribute = attributeOf(input.LookupAttributes);
    if (input.EventCategory !== undefined && input.EventCategory !== "insight") {
      throw new CloudTrailApiError("InvalidEventCategoryException", `${input.EventCategory} is not a valid event category; the only one is insight.`);
    }
    const startMs = input.StartTime === undefined ? undefined : Math.round(input.StartTime * 1000);
    const endMs = input.EndTime === undefined ? undefined : Math.round(input.EndTime * 1000);
    if (startMs !== undefined && endMs !== undefined && startMs > endMs) throw new CloudTrailApiError("InvalidTimeRangeException", "The start time must not be after the end time.");
    const maxResults = input.MaxResults ?? MAX_RESULTS;
    if (maxResults < 1 || maxResults > MAX_RESULTS) throw new CloudTrailApiError("InvalidMaxResultsException", `MaxResults must be between 1 and ${MAX_RESULTS}.`);

    // A token belongs to the request's parameters (not its page size), as AWS documents for NextToken.
    const print = fingerprint({ attribute, startMs, endMs, category: input.EventCategory ?? null });
    const after = input.NextToken === undefined ? undefined : decodeToken(input.NextToken, "LookupEvents", print, positionSchema);
    if (input.NextToken !== undefined && after === undefined) {
      throw new CloudTrailApiError("InvalidNextTokenException", "The NextToken is not valid, or was issued for a request with other parameters.");
    }
    if (input.EventCategory === "insight") return { Events: [] };
    const page = store.lookup(scope, { attribute, startMs, endMs }, maxResults, after);
    return { Events: page.events.map(wireEvent), ...(page.next ? { NextToken: encodeToken("LookupEvents", print, page.next) } : {}) };
  };
}
