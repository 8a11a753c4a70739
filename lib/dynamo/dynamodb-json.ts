import { KeyInputError } from "./key-input-error";
import { type WireItem, type WireValue, wireItemSchema, wireType } from "./wire-value";

export { KeyInputError } from "./key-input-error";

/** DynamoDB JSON as the API and the console show it; keys keep the item's own order. */
export function toDynamoDbJson(item: WireItem, indent?: number): string {
  return JSON.stringify(item, null, indent);
}

/**
 * Names that could reach an object's prototype if a later step assigned them with `obj[name] = value`
 * (fromWireItem does): refused outright, so a pasted key can never pollute a prototype. A table whose key
 * attribute really has one of these names cannot be addressed through key JSON.
 */
const FORBIDDEN_NAMES = new Set(["__proto__", "constructor", "prototype"]);

const KEY_TYPES = new Set(["S", "N", "B"]);

/**
 * A primary key pasted as DynamoDB JSON, e.g. {"PK":{"S":"user#1"},"SK":{"N":"7"}}. It must hold exactly the
 * given key attributes, each a non-empty S, N or B (DynamoDB rejects empty key values and other types).
 * Whether each type matches the table's schema is left to the caller, which knows it.
 */
export function parseKeyJson(text: string, keyAttributes: readonly string[]): WireItem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeyInputError(`The key is not valid JSON (${reason}).`, { cause: error });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new KeyInputError(`The key must be a JSON object like ${example(keyAttributes)}.`);
  }
  // JSON.parse makes "__proto__" an own property (it never sets the prototype), so Object.keys sees it.
  for (const name of Object.keys(parsed)) {
    if (FORBIDDEN_NAMES.has(name)) throw new KeyInputError(`The key has a forbidden attribute name "${name}".`);
    if (!keyAttributes.includes(name)) {
      throw new KeyInputError(`The key has an unexpected attribute ${name}; it must hold exactly ${keyAttributes.join(" and ")}.`);
    }
  }
  // Key values are flat (S, N or B), so any other type is refused before the recursive DynamoDB JSON schema runs:
  // a deeply nested L or M in a pasted key would otherwise exhaust the stack there (a 500, not a 400).
  for (const [name, value] of Object.entries(parsed)) {
    const types = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const other = types.find((type) => !KEY_TYPES.has(type));
    if (other !== undefined) throw new KeyInputError(`The key attribute ${name} must be of type S, N or B, not ${other}.`);
  }
  const result = wireItemSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join(".")}` : "";
    throw new KeyInputError(`The key is not valid DynamoDB JSON${where}: ${issue?.message ?? "invalid value"}.`, {
      cause: result.error,
    });
  }
  const entries: Array<[string, WireValue]> = keyAttributes.map((name) => {
    const value = Object.hasOwn(result.data, name) ? result.data[name] : undefined;
    if (value === undefined) throw new KeyInputError(`The key is missing the attribute ${name}.`);
    return [name, checkKeyValue(name, value)];
  });
  return Object.fromEntries(entries);
}

function checkKeyValue(name: string, value: WireValue): WireValue {
  const type = wireType(value);
  if (!KEY_TYPES.has(type)) throw new KeyInputError(`The key attribute ${name} must be of type S, N or B, not ${type}.`);
  if (("S" in value && value.S === "") || ("B" in value && value.B === "")) {
    throw new KeyInputError(`The key attribute ${name} must not be empty: DynamoDB key values are at least 1 byte.`);
  }
  return value;
}

function example(keyAttributes: readonly string[]): string {
  return JSON.stringify(Object.fromEntries(keyAttributes.map((name) => [name, { S: "…" }])));
}
