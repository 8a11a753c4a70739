/** Pulls partition (and sort) key values out of DynamoDB JSON requests, as the strings Contributor Insights shows. */

export type WireAttributeValue = Record<string, unknown>;
export type WireItem = Record<string, WireAttributeValue>;
export type KeyRef = { pk: string; sk: string | null };

/** S and N as written; B as its base64 wire form. Anything else cannot be a key. */
export function keyString(value: WireAttributeValue | undefined): string | null {
  if (!value) return null;
  for (const type of ["S", "N", "B"] as const) {
    const inner = value[type];
    if (typeof inner === "string") return inner;
  }
  return null;
}

export function keyOf(item: WireItem | undefined, partitionKey: string, sortKey: string | null): KeyRef | null {
  const pk = keyString(item?.[partitionKey]);
  if (pk === null) return null;
  return { pk, sk: sortKey ? keyString(item?.[sortKey]) : null };
}

/**
 * The partition key value a Query targets. Key conditions must test the partition key with `=`, so it is enough to
 * find that equality among the AND-ed clauses (aliases resolved through ExpressionAttributeNames). The legacy
 * KeyConditions parameter is handled too.
 */
export function queryPartitionKey(request: Record<string, unknown>, partitionKey: string): string | null {
  const names = (request.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (request.ExpressionAttributeValues ?? {}) as Record<string, WireAttributeValue>;
  const expression = request.KeyConditionExpression;
  if (typeof expression === "string") {
    for (const clause of expression.split(/\s+AND\s+/i)) {
      const match = /^\s*\(?\s*([#\w.:-]+)\s*=\s*([#\w.:-]+)\s*\)?\s*$/.exec(clause);
      if (!match) continue;
      const [left, right] = [match[1] ?? "", match[2] ?? ""];
      const [nameToken, valueToken] = left.startsWith(":") ? [right, left] : [left, right];
      const name = nameToken.startsWith("#") ? names[nameToken] : nameToken;
      if (name === partitionKey) return keyString(values[valueToken]);
    }
    return null;
  }
  const legacy = request.KeyConditions as Record<string, { ComparisonOperator?: string; AttributeValueList?: WireAttributeValue[] }> | undefined;
  const condition = legacy?.[partitionKey];
  return condition?.ComparisonOperator === "EQ" ? keyString(condition.AttributeValueList?.[0]) : null;
}
