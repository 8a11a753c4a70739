import { capacityFor, wireItemSize } from "@/lib/dynamo/item-size";
import type { StreamRecordView, StreamSampleResult } from "./stream-types";

/**
 * Estimated write units of one stream record, from the item images it carries. Client-safe, pure.
 *
 * DynamoDB charges a write 1 WCU per KB of the item, rounded up; an update or a put that replaces an item is charged
 * on the larger of the old and the new item, a delete on the item deleted. A stream record carries the item (its
 * images) only when the view type has them, so without an image the write counts as 1 WCU: every write costs at least
 * that, so the estimate is then a lower bound. Deletes by Time to Live are free (AWS: TTL deletes consume no write
 * throughput), so they count 0 units, though they are still writes in the stream.
 */

export type RecordWriteUnits = {
  units: number;
  /** True when an image sized the write; false when the record had none to size (the 1-unit lower bound). */
  sized: boolean;
};

type Sizable = Pick<StreamRecordView, "eventName" | "newImage" | "oldImage" | "ttlDelete">;

const unitsOf = (bytes: number): number => capacityFor(bytes).wcuPerWrite;

export function recordWriteUnits(record: Sizable): RecordWriteUnits {
  if (record.ttlDelete) return { units: 0, sized: true };
  const images =
    record.eventName === "INSERT" ? [record.newImage] : record.eventName === "REMOVE" ? [record.oldImage] : [record.oldImage, record.newImage];
  const sizes = images.filter((image) => image !== null).map((image) => wireItemSize(image));
  if (sizes.length === 0) return { units: 1, sized: false };
  // A MODIFY with only one image (NEW_IMAGE or OLD_IMAGE view types) is sized by the one there is: the other may be larger.
  return { units: unitsOf(Math.max(...sizes)), sized: true };
}

export type WriteUnitMethod = StreamSampleResult["writeUnitEstimate"]["method"];

/** "images" when every write (that cost anything) was sized, "keys-only" when none was, "mixed" otherwise. */
export function writeUnitMethod(sized: number, unsized: number): WriteUnitMethod {
  if (unsized === 0) return "images";
  return sized === 0 ? "keys-only" : "mixed";
}

const ALWAYS =
  "An estimate: transactional writes cost twice as much, each global secondary index the write touches costs its own write units on that index, and the per-partition limit applies to what DynamoDB actually charged.";

/** What the write units are based on, in plain words; the label that makes the estimate one. */
export function writeUnitNote(method: WriteUnitMethod): string {
  if (method === "images") return `Write units are estimated from each record's item images: 1 WCU per KB of the item, rounded up (the larger of the old and new item for a change, the old item for a delete). ${ALWAYS}`;
  if (method === "keys-only")
    return `The stream carries keys only (KEYS_ONLY), so each write counts as 1 WCU: a lower bound, as a write of an item over 1 KB costs 1 WCU per KB. A stream with NEW_AND_OLD_IMAGES would give write units by item size. ${ALWAYS}`;
  return `Write units are estimated from the item images where the record had one (1 WCU per KB, rounded up); records without an image count as 1 WCU, a lower bound. ${ALWAYS}`;
}
