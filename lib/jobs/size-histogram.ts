import type { SizeBucket } from "./job-types";

const KB = 1024;

/** REFERENCE.md's buckets; the last starts at 350 KB, AWS's inspection threshold. Lower bounds inclusive. */
export const SIZE_BUCKETS: ReadonlyArray<Omit<SizeBucket, "count">> = [
  { label: "< 1 KB", minBytes: 0, maxBytes: KB },
  { label: "1–4 KB", minBytes: KB, maxBytes: 4 * KB },
  { label: "4–16 KB", minBytes: 4 * KB, maxBytes: 16 * KB },
  { label: "16–64 KB", minBytes: 16 * KB, maxBytes: 64 * KB },
  { label: "64–256 KB", minBytes: 64 * KB, maxBytes: 256 * KB },
  { label: "256–350 KB", minBytes: 256 * KB, maxBytes: 350 * KB },
  { label: "≥ 350 KB", minBytes: 350 * KB, maxBytes: null },
];

/** Item counts per size bucket: seven counters, whatever the number of items. */
export class SizeHistogram {
  private readonly counts = new Array<number>(SIZE_BUCKETS.length).fill(0);

  add(bytes: number): void {
    const index = SIZE_BUCKETS.findIndex((bucket) => bucket.maxBytes === null || bytes < bucket.maxBytes);
    this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  buckets(): SizeBucket[] {
    return SIZE_BUCKETS.map((bucket, index) => ({ ...bucket, count: this.counts[index] ?? 0 }));
  }
}
