import type { KeyAttribute, KeySchema } from "@/lib/tables/table-detail";
import type { WireItem, WireValue } from "./wire-value";

export const SORT_KEY_OPERATORS = ["=", "<", "<=", ">", ">=", "between", "begins_with"] as const;
export type SortKeyOperator = (typeof SORT_KEY_OPERATORS)[number];

export type SortCondition = { op: SortKeyOperator; value: WireValue; value2?: WireValue };

export type KeyCondition = {
  KeyConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: WireItem;
};

export class KeyConditionError extends Error {
  override name = "KeyConditionError";
}

function ofType(value: WireValue, attribute: KeyAttribute, label: string): WireValue {
  if (!(attribute.type in value)) throw new KeyConditionError(`${label} must be of type ${attribute.type}, like the key attribute ${attribute.name}.`);
  return value;
}

/**
 * A Query's key condition: the partition key by equality, and optionally one sort-key comparison. Names and values
 * always go through placeholders, so any attribute name and any value are safe.
 */
export function keyConditionFor(keys: KeySchema, partitionValue: WireValue, sort?: SortCondition): KeyCondition {
  const names: Record<string, string> = { "#pk": keys.partitionKey.name };
  const values: WireItem = { ":pk": ofType(partitionValue, keys.partitionKey, "pk") };
  let expression = "#pk = :pk";
  if (sort) {
    const sortKey = keys.sortKey;
    if (!sortKey) throw new KeyConditionError("This table or index has no sort key, so it takes no sort-key condition.");
    names["#sk"] = sortKey.name;
    values[":sk"] = ofType(sort.value, sortKey, "sk");
    if (sort.op === "begins_with") {
      if (sortKey.type === "N") throw new KeyConditionError(`begins_with needs a string or binary sort key; ${sortKey.name} is a number.`);
      expression += " AND begins_with(#sk, :sk)";
    } else if (sort.op === "between") {
      if (!sort.value2) throw new KeyConditionError("between needs two values, sk and sk2.");
      values[":sk2"] = ofType(sort.value2, sortKey, "sk2");
      expression += " AND #sk BETWEEN :sk AND :sk2";
    } else {
      expression += ` AND #sk ${sort.op} :sk`;
    }
  }
  return { KeyConditionExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
