import type { AttributeValue, GetItemCommandInput, PutItemCommandInput, QueryCommandInput, ScanCommandInput } from "@aws-sdk/client-dynamodb";


/**
 * One request the demo traffic model wants sent. `input` is the request in DynamoDB JSON, the same shape the live
 * runner passes to the SDK and the metering code reads off the wire. `estimate` is what the request would cost,
 * used only when simulating history without running the request.
 */
export type Intent = (
  | { operation: "GetItem"; input: GetItemCommandInput & { TableName: string } }
  | { operation: "PutItem"; input: PutItemCommandInput & { TableName: string } }
  | { operation: "Query"; input: QueryCommandInput & { TableName: string } }
  | { operation: "Scan"; input: ScanCommandInput & { TableName: string } }
) & {
  /** For paged full scans: which scan this page belongs to, so the live runner can carry its cursor. */
  scanId?: string;
  estimate: { tableUnits: number; gsiUnits: Record<string, number>; returned: number; latencyMs: number };
};

/** Rough DynamoDB item size for the estimate: names plus string/number lengths. */
export function approximateBytes(item: Record<string, AttributeValue>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += name.length;
    if (value.S !== undefined) bytes += Buffer.byteLength(value.S);
    else if (value.N !== undefined) bytes += Math.ceil(value.N.length / 2) + 1;
    else bytes += 16;
  }
  return bytes;
}

export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
/** Eventually consistent reads cost half a unit per 4 KB. */
export const readUnits = (bytes: number) => Math.max(0.5, Math.ceil(bytes / 4096) / 2);
