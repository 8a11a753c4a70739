import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { utf8ByteLength } from "./utf8";
import {
  presentAttributes,
  type AnyAttributeValue,
  type AnyItem,
  ELEMENT_OVERHEAD,
  itemSizeOf,
  valueSize,
  valueType,
} from "./value-size";
import type { WireItem, WireType, WireValue } from "./wire-value";

export { numberSize } from "./number-size";
export { lsiEffectiveSize, type LsiProjection, type TableKeyNames } from "./lsi-size";
export { valueSize, type AnyAttributeValue, type AnyItem } from "./value-size";

/** DynamoDB's item size limit: 400 KB with KB = 1024, inclusive (409,601 bytes is rejected). */
export const ITEM_SIZE_LIMIT = 409_600;
/** AWS's inspection guidance flags items of 350 KB and more. */
const HIGH_SIZE = 358_400;
const WARNING_SIZE = 262_144;

export type SizeLevel = "ok" | "warning" | "high" | "over";

/** Size of an item as the SDK returns it (B as bytes). */
export function itemSize(item: Record<string, AttributeValue>): number {
  return itemSizeOf(item);
}

/** Size of an item in wire form; base64 binaries are measured without decoding. */
export function wireItemSize(item: WireItem): number {
  return itemSizeOf(item);
}

export interface AttributeSize {
  name: string;
  /** nameBytes + valueBytes: what this attribute adds to the item. */
  bytes: number;
  nameBytes: number;
  valueBytes: number;
  /** Fraction (0..1) of the whole item; 0 for an empty item. */
  share: number;
  type: WireType;
}

/** Top-level attributes by what they contribute to the item, largest first (ties keep the item's order). */
export function attributeSizes(item: AnyItem): AttributeSize[] {
  const rows = presentAttributes(item).map(([name, value]) => {
    const nameBytes = utf8ByteLength(name);
    const valueBytes = valueSize(value);
    return { name, bytes: nameBytes + valueBytes, nameBytes, valueBytes, share: 0, type: valueType(value) };
  });
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  for (const row of rows) row.share = total === 0 ? 0 : row.bytes / total;
  return rows.sort((a, b) => b.bytes - a.bytes);
}

export interface NestedSize<V extends AnyAttributeValue = AnyAttributeValue> {
  /** e.g. `address.city`, `tags[2]`, `meta["a.b"]`. */
  path: string;
  /** The map key, or the list index. */
  key: string | number;
  /**
   * What this child adds to its parent: key bytes (maps only) + value + 1 byte of element overhead, so the
   * children of a list or map plus its 3 bytes of overhead sum to the parent's value size.
   */
  bytes: number;
  keyBytes: number;
  valueBytes: number;
  type: WireType;
  /** The child itself, to drill further with nestedSizes(child.value, child.path). */
  value: V;
}

/** The children of an L or M value by size, largest first; any other type has no children. */
export function nestedSizes(value: WireValue, path: string): NestedSize<WireValue>[];
export function nestedSizes(value: AttributeValue, path: string): NestedSize<AttributeValue>[];
export function nestedSizes(value: AnyAttributeValue, path: string): NestedSize[] {
  const children: NestedSize[] = [];
  if ("L" in value && value.L !== undefined) {
    const list: readonly AnyAttributeValue[] = value.L;
    list.forEach((child, index) => children.push(nested(`${path}[${index}]`, index, 0, child)));
  } else if ("M" in value && value.M !== undefined) {
    for (const [key, child] of Object.entries<AnyAttributeValue>(value.M)) {
      children.push(nested(childPath(path, key), key, utf8ByteLength(key), child));
    }
  }
  return children.sort((a, b) => b.bytes - a.bytes);
}

function nested(path: string, key: string | number, keyBytes: number, value: AnyAttributeValue): NestedSize {
  const valueBytes = valueSize(value);
  return { path, key, bytes: keyBytes + valueBytes + ELEMENT_OVERHEAD, keyBytes, valueBytes, type: valueType(value), value };
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Dotted paths for ordinary keys; keys with dots, brackets or spaces are quoted so a path stays unambiguous. */
function childPath(parent: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** ≥ 350 KB is "high" (AWS's inspection threshold); 256–350 KB a warning; beyond the limit "over". */
export function sizeLevel(bytes: number): SizeLevel {
  if (bytes > ITEM_SIZE_LIMIT) return "over";
  if (bytes >= HIGH_SIZE) return "high";
  if (bytes >= WARNING_SIZE) return "warning";
  return "ok";
}

export interface CapacityCost {
  /** WCU for one standard write: 1 per KB, rounded up. */
  wcuPerWrite: number;
  /** RCU for one strongly consistent read: 1 per 4 KB, rounded up. */
  rcuStrong: number;
  /** Eventually consistent reads cost half, so this can be 0.5. */
  rcuEventual: number;
  rcuTransactional: number;
  wcuTransactional: number;
}

/** The capacity one read or write of an item this size costs; even a 0-byte item costs one unit. */
export function capacityFor(sizeBytes: number): CapacityCost {
  if (!Number.isFinite(sizeBytes) || sizeBytes < 0) throw new RangeError(`Invalid item size: ${sizeBytes}`);
  const wcuPerWrite = Math.max(1, Math.ceil(sizeBytes / 1024));
  const rcuStrong = Math.max(1, Math.ceil(sizeBytes / 4096));
  return {
    wcuPerWrite,
    rcuStrong,
    rcuEventual: rcuStrong / 2,
    rcuTransactional: rcuStrong * 2,
    wcuTransactional: wcuPerWrite * 2,
  };
}
