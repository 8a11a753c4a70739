import { describe, expect, it } from "vitest";
import { PartitionSample } from "./partition-sample";

describe("PartitionSample", () => {
  it("is exact while it holds every partition", () => {
    const sample = new PartitionSample(100, 16);
    for (let i = 0; i < 60; i++) sample.add(`Sk${i % 20}`, 10, i % 2, 8);
    expect(sample.samplingRate).toBe(1);
    expect(sample.distinctPartitions()).toEqual({ value: 20, exact: true, relativeError: 0 });
    const [top] = sample.largest("items", 1);
    expect(top).toMatchObject({ items: 3, bytes: 30, maxOverestimate: 0 });
    const partition = [...sample.partitions()].find(([id]) => id === "Sk0")?.[1];
    expect(partition?.shapes.get(0)).toEqual({ items: 3, bytes: 24 });
  });

  it("stays within its capacity, keeps a heavy collection on top and estimates the distinct count", () => {
    const sample = new PartitionSample(500, 64);
    for (let i = 0; i < 50_000; i++) {
      sample.add(`Sk${i}`, 100, 1);
      if (i % 10 === 0) sample.add("Shot", 100, 1);
    }
    expect(sample.samplingRate).toBeLessThan(1);
    expect(sample.footprint().sampledPartitions).toBeLessThanOrEqual(500);
    expect(sample.footprint().counters).toBeLessThanOrEqual(128);
    expect(sample.largest("items", 3)[0]?.id).toBe("Shot");
    const distinct = sample.distinctPartitions();
    expect(distinct.exact).toBe(false);
    expect(Math.abs(distinct.value - 50_001) / 50_001).toBeLessThan(0.05);
  });

  it("relabels shapes when they fold", () => {
    const sample = new PartitionSample(10, 4);
    sample.add("Sa", 5, 1);
    sample.add("Sa", 5, 2);
    sample.remapShapes((id) => (id === 2 ? 1 : id));
    expect([...sample.partitions()][0]?.[1].shapes).toEqual(new Map([[1, { items: 2, bytes: 10 }]]));
  });
});
