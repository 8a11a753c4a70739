import type { _Record as SdkStreamRecord } from "@aws-sdk/client-dynamodb-streams";
import { z } from "zod";
import { toWireItem } from "@/lib/dynamo/wire-value";
import type { StreamEventName, StreamRecordView } from "./stream-types";

/** A record GetRecords answered that lacks what every stream record has (its event name or sequence number). */
export class MalformedStreamRecordError extends Error {
  override name = "MalformedStreamRecordError";
}

const eventNameSchema = z.enum(["INSERT", "MODIFY", "REMOVE"]);

/**
 * The SDK models userIdentity as { PrincipalId, Type }; the Streams developer guide spells the fields principalId and
 * type. Both spellings are read, so a TTL delete is recognised whichever one a service (or DynamoDB Local) sends.
 */
const identitySchema = z.looseObject({
  PrincipalId: z.string().optional(),
  principalId: z.string().optional(),
  Type: z.string().optional(),
  type: z.string().optional(),
});

/** Time to Live deletes carry userIdentity type "Service", principal "dynamodb.amazonaws.com" (Streams developer guide). */
function isTtlDelete(eventName: StreamEventName, userIdentity: unknown): boolean {
  if (eventName !== "REMOVE" || userIdentity === undefined || userIdentity === null) return false;
  const parsed = identitySchema.safeParse(userIdentity);
  if (!parsed.success) return false;
  const type = parsed.data.Type ?? parsed.data.type;
  const principal = parsed.data.PrincipalId ?? parsed.data.principalId;
  return type === "Service" && principal === "dynamodb.amazonaws.com";
}

/**
 * One SDK stream record as the tail shows it. Values go through the same wire conversion as items (N kept as its
 * string, B and BS as base64), so a 38-digit number or a binary key reaches the page exactly as stored.
 */
export function toStreamRecordView(record: SdkStreamRecord, shardId: string, readAt: number): StreamRecordView {
  const eventName = eventNameSchema.safeParse(record.eventName);
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (!eventName.success) throw new MalformedStreamRecordError(`A stream record in ${shardId} has no known eventName (${String(record.eventName)}).`);
  if (!sequenceNumber) throw new MalformedStreamRecordError(`A stream record in ${shardId} has no SequenceNumber.`);
  const data = record.dynamodb;
  const created = data?.ApproximateCreationDateTime;
  return {
    // eventID is unique per record; the sequence number is unique within its shard, so the pair stands in if it is absent.
    id: record.eventID ?? `${shardId}/${sequenceNumber}`,
    shardId,
    sequenceNumber,
    eventName: eventName.data,
    createdAt: created instanceof Date && !Number.isNaN(created.getTime()) ? created.getTime() : null,
    readAt,
    keys: toWireItem(data?.Keys ?? {}),
    newImage: data?.NewImage ? toWireItem(data.NewImage) : null,
    oldImage: data?.OldImage ? toWireItem(data.OldImage) : null,
    sizeBytes: data?.SizeBytes ?? 0,
    ttlDelete: isTtlDelete(eventName.data, record.userIdentity),
  };
}
