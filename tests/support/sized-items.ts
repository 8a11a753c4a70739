import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { itemSize } from "@/lib/dynamo/item-size";

/**
 * An item of exactly `bytes` bytes by DynamoDB's rules: the given attributes plus an ASCII padding string (1 byte per
 * character), so audits can be checked against sizes known in advance.
 */
export function sizedItem(attributes: Record<string, AttributeValue>, bytes: number, padName = "pad"): Record<string, AttributeValue> {
  const base = itemSize({ ...attributes, [padName]: { S: "" } });
  if (bytes < base) throw new RangeError(`An item with these attributes takes at least ${base} bytes, not ${bytes}.`);
  const item = { ...attributes, [padName]: { S: "x".repeat(bytes - base) } };
  if (itemSize(item) !== bytes) throw new Error("sizedItem: size mismatch");
  return item;
}
