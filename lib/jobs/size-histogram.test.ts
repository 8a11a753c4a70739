import { describe, expect, it } from "vitest";
import { SizeHistogram } from "./size-histogram";

describe("SizeHistogram", () => {
  it("puts each size in REFERENCE.md's buckets, lower bounds inclusive", () => {
    const histogram = new SizeHistogram();
    for (const bytes of [0, 1023, 1024, 4095, 4096, 16_383, 16_384, 65_535, 65_536, 262_143, 262_144, 358_399, 358_400, 409_600, 819_200]) histogram.add(bytes);
    expect(histogram.buckets().map(({ label, count }) => [label, count])).toEqual([
      ["< 1 KB", 2],
      ["1–4 KB", 2],
      ["4–16 KB", 2],
      ["16–64 KB", 2],
      ["64–256 KB", 2],
      ["256–350 KB", 2],
      ["≥ 350 KB", 3],
    ]);
  });

  it("states each bucket's bounds in bytes", () => {
    const buckets = new SizeHistogram().buckets();
    expect(buckets[0]).toEqual({ label: "< 1 KB", minBytes: 0, maxBytes: 1024, count: 0 });
    expect(buckets[5]).toEqual({ label: "256–350 KB", minBytes: 262_144, maxBytes: 358_400, count: 0 });
    expect(buckets[6]).toEqual({ label: "≥ 350 KB", minBytes: 358_400, maxBytes: null, count: 0 });
    for (let index = 1; index < buckets.length; index++) expect(buckets[index]?.minBytes).toBe(buckets[index - 1]?.maxBytes);
  });
});
