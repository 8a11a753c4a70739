import { FILTER_OPERATORS, type FilterOperator } from "@/lib/dynamo/filter-expression";
import { SORT_KEY_OPERATORS, type SortKeyOperator } from "@/lib/dynamo/key-condition";

/**
 * Everything that shapes the items view, as it lives in the URL, so a link reproduces what the sender saw.
 * Parsing is forgiving (unknown values fall back to defaults); the API validates strictly.
 */
export type ItemsViewState = {
  index: string | null;
  view: "partitions" | "scan";
  pk: string | null;
  skOp: SortKeyOperator | null;
  sk: string;
  sk2: string;
  order: "asc" | "desc";
  limit: number;
  filterAttr: string;
  filterOp: FilterOperator | null;
  filterValue: string;
  filterType: "S" | "N" | "BOOL";
  /** The selected item's key, as DynamoDB JSON. */
  item: string | null;
};

export const PAGE_SIZES = [25, 50, 100, 250, 1000] as const;

export const DEFAULT_VIEW_STATE: ItemsViewState = {
  index: null,
  view: "partitions",
  pk: null,
  skOp: null,
  sk: "",
  sk2: "",
  order: "asc",
  limit: 100,
  filterAttr: "",
  filterOp: null,
  filterValue: "",
  filterType: "S",
  item: null,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseViewState(params: URLSearchParams): ItemsViewState {
  const limit = Number(params.get("limit"));
  return {
    index: params.get("index") || null,
    view: params.get("view") === "scan" ? "scan" : "partitions",
    pk: params.get("pk"),
    skOp: oneOf(SORT_KEY_OPERATORS, params.get("skOp")),
    sk: params.get("sk") ?? "",
    sk2: params.get("sk2") ?? "",
    order: params.get("order") === "desc" ? "desc" : "asc",
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_VIEW_STATE.limit,
    filterAttr: params.get("filterAttr") ?? "",
    filterOp: oneOf(FILTER_OPERATORS, params.get("filterOp")),
    filterValue: params.get("filterValue") ?? "",
    filterType: oneOf(["S", "N", "BOOL"] as const, params.get("filterType")) ?? "S",
    item: params.get("item"),
  };
}

/** Only non-default values go into the URL, so links stay short. */
export function viewStateToParams(state: ItemsViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.index) params.set("index", state.index);
  if (state.view !== "partitions") params.set("view", state.view);
  if (state.pk !== null) params.set("pk", state.pk);
  if (state.skOp) {
    params.set("skOp", state.skOp);
    params.set("sk", state.sk);
    if (state.skOp === "between") params.set("sk2", state.sk2);
  }
  if (state.order !== "asc") params.set("order", state.order);
  if (state.limit !== DEFAULT_VIEW_STATE.limit) params.set("limit", String(state.limit));
  if (state.filterAttr && state.filterOp) {
    params.set("filterAttr", state.filterAttr);
    params.set("filterOp", state.filterOp);
    if (state.filterOp !== "attribute_exists" && state.filterOp !== "attribute_not_exists") {
      params.set("filterValue", state.filterValue);
      if (state.filterType !== "S") params.set("filterType", state.filterType);
    }
  }
  if (state.item) params.set("item", state.item);
  return params;
}

/** The API query string for the current read (partition query or scan), without the cursor. */
export function readParams(state: ItemsViewState): URLSearchParams {
  const params = viewStateToParams({ ...state, item: null, view: "partitions" });
  params.set("limit", String(state.limit));
  if (state.view === "scan") for (const name of ["pk", "skOp", "sk", "sk2", "order"]) params.delete(name);
  return params;
}
