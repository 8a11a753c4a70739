import "server-only";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { FILTER_OPERATORS, filterNeedsValue, type AttributeFilter } from "@/lib/dynamo/filter-expression";
import { KeyInputError, parseKeyValue } from "@/lib/dynamo/key-input";
import { SORT_KEY_OPERATORS, type SortCondition } from "@/lib/dynamo/key-condition";
import { NUMBER_PATTERN, type WireValue } from "@/lib/dynamo/wire-value";
import type { ResolvedIndex } from "@/lib/tables/index-keys";
import { indexNameSchema } from "@/lib/tables/table-name";
import { parseInput } from "@/lib/server/http/route-helpers";

const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters`).optional();

/** Query-string parameters shared by the item routes. Values stay strings until the key schema says how to type them. */
export const itemParamsSchema = z.object({
  index: indexNameSchema.optional(),
  pk: optionalText(4_096),
  skOp: z.enum(SORT_KEY_OPERATORS).optional(),
  sk: optionalText(4_096),
  sk2: optionalText(4_096),
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1_000, "must be at most 1000").default(50),
  cursor: optionalText(8_192),
  filterAttr: z.string().min(1).max(255).optional(),
  filterOp: z.enum(FILTER_OPERATORS).optional(),
  filterValue: optionalText(4_096),
  filterType: z.enum(["S", "N", "BOOL"]).default("S"),
});

export type ItemParams = z.infer<typeof itemParamsSchema>;

export function parseItemParams(url: URL): ItemParams {
  const raw: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(itemParamsSchema.shape, name)) raw[name] = value;
  }
  return parseInput(itemParamsSchema, raw);
}

function keyValue(raw: string, name: string, type: "S" | "N" | "B", role: "partition" | "sort"): WireValue {
  try {
    return parseKeyValue(raw, type, role);
  } catch (error) {
    if (error instanceof KeyInputError) throw new AppError("BAD_REQUEST", `${name}: ${error.message}`);
    throw error;
  }
}

export function partitionValue(params: ItemParams, index: ResolvedIndex): WireValue {
  if (params.pk === undefined) throw new AppError("BAD_REQUEST", `pk: the partition key value (${index.keys.partitionKey.name}) is required.`);
  return keyValue(params.pk, "pk", index.keys.partitionKey.type, "partition");
}

export function sortCondition(params: ItemParams, index: ResolvedIndex): SortCondition | undefined {
  if (!params.skOp) {
    if (params.sk !== undefined || params.sk2 !== undefined) throw new AppError("BAD_REQUEST", "sk: give skOp too (=, <, <=, >, >=, between, begins_with).");
    return undefined;
  }
  const sortKey = index.keys.sortKey;
  if (!sortKey) throw new AppError("BAD_REQUEST", "skOp: this table or index has no sort key.");
  if (params.skOp === "begins_with" && sortKey.type === "N") {
    throw new AppError("BAD_REQUEST", `skOp: begins_with needs a string or binary sort key; ${sortKey.name} is a number.`);
  }
  if (params.sk === undefined) throw new AppError("BAD_REQUEST", "sk: a sort key value is required with skOp.");
  const value = keyValue(params.sk, "sk", sortKey.type, "sort");
  if (params.skOp !== "between") return { op: params.skOp, value };
  if (params.sk2 === undefined) throw new AppError("BAD_REQUEST", "sk2: between needs a second value.");
  return { op: "between", value, value2: keyValue(params.sk2, "sk2", sortKey.type, "sort") };
}

export function attributeFilter(params: ItemParams): AttributeFilter | undefined {
  if (!params.filterAttr && !params.filterOp) return undefined;
  if (!params.filterAttr || !params.filterOp) throw new AppError("BAD_REQUEST", "filterAttr and filterOp go together.");
  if (!filterNeedsValue(params.filterOp)) return { attribute: params.filterAttr, op: params.filterOp };
  const raw = params.filterValue;
  if (raw === undefined) throw new AppError("BAD_REQUEST", `filterValue: the ${params.filterOp} filter needs a value.`);
  let value: WireValue;
  if (params.filterType === "N") {
    if (!NUMBER_PATTERN.test(raw)) throw new AppError("BAD_REQUEST", "filterValue: is not a number.");
    value = { N: raw };
  } else if (params.filterType === "BOOL") {
    if (raw !== "true" && raw !== "false") throw new AppError("BAD_REQUEST", "filterValue: must be true or false.");
    value = { BOOL: raw === "true" };
  } else {
    value = { S: raw };
  }
  return { attribute: params.filterAttr, op: params.filterOp, value };
}

/** What a cursor is bound to: everything that shapes the read except the page size, the account and region included. */
export function readScope(kind: string, scope: Scope, table: string, params: ItemParams): string {
  const shape: Partial<ItemParams> = { ...params };
  delete shape.limit;
  delete shape.cursor;
  return JSON.stringify([kind, scopeKey(scope), table, shape]);
}
