import "server-only";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import type { ItemsPage } from "@/lib/items/items-api";
import type { Access } from "@/lib/server/auth/access";
import { checkRead, presentTableItems } from "./item-access";
import { decodeCursor, encodeCursor } from "./cursor-codec";
import type { ItemParams } from "./item-request";
import { readPages, type PageResult } from "./read-pages";
import type { ReadTarget } from "./read-target";

/** One API page of a Query or a Scan: resume from the cursor, read, and hand back a cursor bound to the same read. */
export async function readItemsPage(options: {
  target: ReadTarget;
  /** What the cursor is bound to (readScope): the account, region, table, index and query. */
  cursorScope: string;
  params: ItemParams;
  filtered: boolean;
  /** What the caller may see: a viewer's masked values never leave this function. */
  access: Access;
  fetchPage: (startKey: Record<string, AttributeValue> | undefined, limit: number) => Promise<PageResult>;
}): Promise<ItemsPage> {
  const { target, cursorScope, params } = options;
  checkRead(options.access, target, params);
  const startKey = params.cursor ? fromWireItem(decodeCursor(params.cursor, cursorScope, target.index.cursorAttributes)) : undefined;
  const outcome = await readPages({
    limit: params.limit,
    scanBudget: env().readScanBudget,
    filtered: options.filtered,
    cursorAttributes: target.index.cursorAttributes,
    startKey,
    fetchPage: options.fetchPage,
  });
  return {
    items: presentTableItems(outcome.items, options.access, target),
    count: outcome.count,
    scannedCount: outcome.scannedCount,
    nextCursor: outcome.lastEvaluatedKey ? encodeCursor(cursorScope, outcome.lastEvaluatedKey) : null,
    consumedCapacity: outcome.consumedCapacity,
    requests: outcome.requests,
    stoppedAtBudget: outcome.stoppedAtBudget,
  };
}
