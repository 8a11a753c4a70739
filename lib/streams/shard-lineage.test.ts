import { describe, expect, it } from "vitest";
import { ShardLineage, type ShardDescription } from "./shard-lineage";

const open = (shardId: string, parentShardId: string | null = null): ShardDescription => ({ shardId, parentShardId, closed: false });
const closed = (shardId: string, parentShardId: string | null = null): ShardDescription => ({ shardId, parentShardId, closed: true });

describe("ShardLineage from LATEST", () => {
  it("reads every open shard from LATEST and skips closed ones on the first look", () => {
    const lineage = new ShardLineage("LATEST");
    expect(lineage.discover([closed("a"), open("b", "a"), open("c")])).toEqual([
      { shardId: "b", iteratorType: "LATEST" },
      { shardId: "c", iteratorType: "LATEST" },
    ]);
    expect(lineage.stateOf("a")).toBe("skipped");
    expect(lineage.counts()).toEqual({ reading: 2, waiting: 0, finished: 0 });
  });

  it("starts a finished shard's child at TRIM_HORIZON, found on the next look", () => {
    const lineage = new ShardLineage("LATEST");
    lineage.discover([open("a")]);
    expect(lineage.finish("a")).toEqual([]);
    expect(lineage.childlessFinished()).toEqual(["a"]);
    expect(lineage.discover([closed("a"), open("a1", "a"), open("a2", "a")])).toEqual([
      { shardId: "a1", iteratorType: "TRIM_HORIZON" },
      { shardId: "a2", iteratorType: "TRIM_HORIZON" },
    ]);
    expect(lineage.childlessFinished()).toEqual([]);
    expect(lineage.counts()).toEqual({ reading: 2, waiting: 0, finished: 1 });
  });

  it("holds a child seen before its parent is finished, and starts it when the parent ends", () => {
    const lineage = new ShardLineage("LATEST");
    lineage.discover([open("a")]);
    // The split is listed while the reader is still reading the (now closed) parent's last records.
    expect(lineage.discover([closed("a"), open("b", "a")])).toEqual([]);
    expect(lineage.stateOf("b")).toBe("waiting");
    expect(lineage.finish("a")).toEqual([{ shardId: "b", iteratorType: "TRIM_HORIZON" }]);
    expect(lineage.stateOf("b")).toBe("reading");
  });

  it("starts a shard found later whose parent it never read at TRIM_HORIZON: it was created after the reader started", () => {
    const lineage = new ShardLineage("LATEST");
    lineage.discover([closed("old"), open("x")]);
    expect(lineage.discover([closed("old"), open("x"), open("y", "old"), open("z", "gone")])).toEqual([
      { shardId: "y", iteratorType: "TRIM_HORIZON" },
      { shardId: "z", iteratorType: "TRIM_HORIZON" },
    ]);
  });

  it("never starts a shard twice", () => {
    const lineage = new ShardLineage("LATEST");
    lineage.discover([open("a")]);
    expect(lineage.discover([open("a")])).toEqual([]);
    lineage.finish("a");
    expect(lineage.discover([closed("a")])).toEqual([]);
  });
});

describe("ShardLineage from TRIM_HORIZON", () => {
  it("reads every shard held, each after its parent, down a chain", () => {
    const lineage = new ShardLineage("TRIM_HORIZON");
    // Listed child first: order in the answer must not matter.
    expect(lineage.discover([open("c", "b"), closed("b", "a"), closed("a", "trimmed"), open("other")])).toEqual([
      { shardId: "a", iteratorType: "TRIM_HORIZON" },
      { shardId: "other", iteratorType: "TRIM_HORIZON" },
    ]);
    expect(lineage.counts()).toEqual({ reading: 2, waiting: 2, finished: 0 });
    expect(lineage.finish("a")).toEqual([{ shardId: "b", iteratorType: "TRIM_HORIZON" }]);
    expect(lineage.finish("b")).toEqual([{ shardId: "c", iteratorType: "TRIM_HORIZON" }]);
    expect(lineage.counts()).toEqual({ reading: 2, waiting: 0, finished: 2 });
  });

  it("holds a new child and grandchild found together behind the parent still being read", () => {
    const lineage = new ShardLineage("TRIM_HORIZON");
    lineage.discover([open("a")]);
    expect(lineage.discover([closed("a"), closed("b", "a"), open("c", "b")])).toEqual([]);
    expect(lineage.finish("a")).toEqual([{ shardId: "b", iteratorType: "TRIM_HORIZON" }]);
  });
});
