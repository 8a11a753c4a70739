import type { KeyAttributes } from "@/components/items/attribute-labels";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { previewValue } from "@/lib/items/value-preview";
import type { StreamEventName, StreamViewType } from "./stream-types";

/** "CUSTOMER#1 · ORDER#9": the key's values in key order; a viewer's digested key shows as its digest. */
export function keyPreview(keys: WireItem, keyAttributes: KeyAttributes): string {
  const names = keyAttributes.sortKey ? [keyAttributes.partitionKey, keyAttributes.sortKey] : [keyAttributes.partitionKey];
  return names.map((name) => previewValue(keys[name], 120)).join(" · ");
}

/** Why a record has no new or old image: the event has none, or the stream's view type does not carry it. */
export function missingImageText(side: "new" | "old", eventName: StreamEventName, viewType: StreamViewType): string {
  if (side === "new" && eventName === "REMOVE") return "None: the write deleted the item.";
  if (side === "old" && eventName === "INSERT") return "None: the write created the item.";
  return `Not recorded: this stream's view type is ${viewType}.`;
}

/** The only way to turn a stream on is outside Dynamo Lens (it is read-only): this AWS CLI command, or the console. */
export function enableStreamCommand(table: string): string {
  return `aws dynamodb update-table --table-name ${table} --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES`;
}
