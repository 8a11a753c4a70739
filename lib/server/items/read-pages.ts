import "server-only";
import type { AttributeValue, ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import { toWireItem, type WireItem } from "@/lib/dynamo/wire-value";

export type PageResult = {
  Items?: Record<string, AttributeValue>[];
  LastEvaluatedKey?: Record<string, AttributeValue>;
  Count?: number;
  ScannedCount?: number;
  ConsumedCapacity?: ConsumedCapacity;
};

export type ReadOutcome = {
  items: WireItem[];
  /** Items returned (after any filter). */
  count: number;
  /** Items DynamoDB examined, and charged for. */
  scannedCount: number;
  consumedCapacity: number;
  requests: number;
  /** Where to resume, or null at the end. */
  lastEvaluatedKey: WireItem | null;
  /** True when a filtered read stopped at its scan budget before filling the page. */
  stoppedAtBudget: boolean;
};

/**
 * Reads pages until `limit` items are found, the end is reached, or `scanBudget` items have been examined. Without a
 * filter that is one request per page, as long as items fit DynamoDB's 1 MB page. If the last page overshoots, the
 * extra items are dropped and the cursor is rebuilt from the last item kept, so nothing is skipped.
 */
export async function readPages(options: {
  limit: number;
  scanBudget: number;
  filtered: boolean;
  cursorAttributes: readonly string[];
  startKey: Record<string, AttributeValue> | undefined;
  fetchPage: (startKey: Record<string, AttributeValue> | undefined, pageLimit: number) => Promise<PageResult>;
}): Promise<ReadOutcome> {
  const items: Record<string, AttributeValue>[] = [];
  let scannedCount = 0;
  let consumedCapacity = 0;
  let requests = 0;
  let startKey = options.startKey;
  let lastKey: Record<string, AttributeValue> | undefined;
  do {
    const remaining = options.limit - items.length;
    // A filter may discard most of what is read, so read wider pages; without one, read exactly what is needed.
    const pageLimit = options.filtered ? Math.min(1_000, Math.max(100, remaining * 4)) : remaining;
    const page = await options.fetchPage(startKey, pageLimit);
    requests++;
    scannedCount += page.ScannedCount ?? 0;
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    lastKey = page.LastEvaluatedKey;
    const found = page.Items ?? [];
    if (found.length > remaining) {
      items.push(...found.slice(0, remaining));
      const lastItem = items[items.length - 1];
      lastKey = lastItem ? Object.fromEntries(options.cursorAttributes.flatMap((name) => (lastItem[name] ? [[name, lastItem[name]]] : []))) : lastKey;
    } else {
      items.push(...found);
    }
    startKey = lastKey;
  } while (lastKey && items.length < options.limit && scannedCount < options.scanBudget);

  return {
    items: items.map(toWireItem),
    count: items.length,
    scannedCount,
    consumedCapacity,
    requests,
    lastEvaluatedKey: lastKey ? toWireItem(lastKey) : null,
    stoppedAtBudget: Boolean(lastKey) && items.length < options.limit && options.filtered && scannedCount >= options.scanBudget,
  };
}
