import type { WireItem, WireValue } from "./wire-value";

export const FILTER_OPERATORS = ["=", "<>", "<", "<=", ">", ">=", "begins_with", "contains", "attribute_exists", "attribute_not_exists"] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One condition on a top-level attribute. DynamoDB applies it after reading, so it saves no capacity. */
export type AttributeFilter = { attribute: string; op: FilterOperator; value?: WireValue };

export type FilterExpression = {
  FilterExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: WireItem;
};

export const filterNeedsValue = (op: FilterOperator) => op !== "attribute_exists" && op !== "attribute_not_exists";

export function filterExpressionFor(filter: AttributeFilter): FilterExpression {
  const names = { "#f0": filter.attribute };
  if (!filterNeedsValue(filter.op)) return { FilterExpression: `${filter.op}(#f0)`, ExpressionAttributeNames: names, ExpressionAttributeValues: {} };
  if (!filter.value) throw new RangeError(`The ${filter.op} filter needs a value`);
  const values = { ":f0": filter.value };
  const expression = filter.op === "begins_with" || filter.op === "contains" ? `${filter.op}(#f0, :f0)` : `#f0 ${filter.op} :f0`;
  return { FilterExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}
