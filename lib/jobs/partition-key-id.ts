import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { bytesToBase64 } from "@/lib/dynamo/base64";
import type { KeyValue } from "./job-types";

/**
 * A partition key value as a compact string id for counting: its type letter, then its value (B as base64). Key
 * attributes can only be S, N or B, and DynamoDB returns numbers normalised, so equal keys get equal ids. Client-safe.
 */
export function keyIdOf(value: AttributeValue | undefined): string | null {
  if (value === undefined) return null;
  if (value.S !== undefined) return `S${value.S}`;
  if (value.N !== undefined) return `N${value.N}`;
  if (value.B !== undefined) return `B${bytesToBase64(value.B)}`;
  return null;
}

/** The DynamoDB JSON value an id stands for (the inverse of keyIdOf). */
export function keyValueOf(id: string): KeyValue {
  const rest = id.slice(1);
  if (id.startsWith("N")) return { N: rest };
  if (id.startsWith("B")) return { B: rest };
  return { S: rest };
}
