import { BatchWriteItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { DescribeStreamCommand, GetRecordsCommand } from "@aws-sdk/client-dynamodb-streams";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { allShards, createStreamTable, idsOf, iteratorFor, readShard, startStreamProxy, type StreamProxy } from "../support/stream-proxy";

// Shard ends and new shards, which AWS produces (shards roll every few hours and split) and DynamoDB Local never does:
// the proxy's virtual shards, closed by rollStreamShards, read through the real @aws-sdk/client-dynamodb-streams client.

let stack: StreamProxy;
const SCOPE = { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, region: LOCAL_REGION };
const definition = (name: string) => ({
  TableName: name,
  BillingMode: "PAY_PER_REQUEST" as const,
  AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
  KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
  StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" as const },
});
const writeAll = async (table: string, ids: string[]) => {
  for (const id of ids) await stack.fixtures.send(new PutItemCommand({ TableName: table, Item: { id: { S: id } } }));
};
// Each page is a second later on the proxy's clock, so only the tests about the limit meet it.
const paced = { between: () => stack.advance(1_000) };

beforeAll(async () => {
  stack = await startStreamProxy();
});
afterAll(async () => {
  await stack?.stop();
});

describe("rollStreamShards", () => {
  it("closes the open shard at the last record and opens a child: the parent ends with exactly the records before, the child holds the rest", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsRoll"));
    await writeAll("ShardsRoll", ["a", "b", "c"]);
    const [first] = await allShards(stack.streams, arn);
    const firstId = first?.ShardId ?? "";
    // A reader in the middle of the parent when the roll happens.
    const early = await stack.streams.send(new GetRecordsCommand({ ShardIterator: await iteratorFor(stack.streams, arn, firstId, "TRIM_HORIZON"), Limit: 1 }));
    expect(idsOf(early.Records ?? [])).toEqual(["a"]);

    const roll = await stack.proxy.rollStreamShards(SCOPE, "ShardsRoll");
    await writeAll("ShardsRoll", ["d", "e"]);

    const shards = await allShards(stack.streams, arn);
    expect(shards).toHaveLength(2);
    const [parent, child] = shards;
    expect(roll).toEqual({ streamArn: arn, closed: { shardId: firstId, endingSequenceNumber: parent?.SequenceNumberRange?.EndingSequenceNumber }, opened: { shardId: child?.ShardId, parentShardId: firstId } });
    expect(parent?.ShardId).toBe(firstId);
    expect(parent?.ParentShardId).toBeUndefined();
    expect(child?.ParentShardId).toBe(firstId);
    expect(child?.ShardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    expect(child?.SequenceNumberRange?.EndingSequenceNumber).toBeUndefined();
    expect(BigInt(child?.SequenceNumberRange?.StartingSequenceNumber ?? "0")).toBe(BigInt(parent?.SequenceNumberRange?.EndingSequenceNumber ?? "-1") + 1n);

    // The reader that started before the roll reads on to the parent's end and is told it ended.
    const rest = await readShard(stack.streams, early.NextShardIterator ?? "", paced);
    expect(idsOf(rest.records)).toEqual(["b", "c"]);
    expect(rest.ended).toBe(true);
    const parentRead = await readShard(stack.streams, await iteratorFor(stack.streams, arn, firstId, "TRIM_HORIZON"), paced);
    expect(idsOf(parentRead.records)).toEqual(["a", "b", "c"]);
    expect(parentRead.ended).toBe(true);
    expect(parentRead.records.at(-1)?.dynamodb?.SequenceNumber).toBe(parent?.SequenceNumberRange?.EndingSequenceNumber);

    const childRead = await readShard(stack.streams, await iteratorFor(stack.streams, arn, child?.ShardId ?? "", "TRIM_HORIZON"), paced);
    expect(idsOf(childRead.records)).toEqual(["d", "e"]);
    expect(childRead.ended).toBe(false);
  });

  it("gives LATEST on a closed shard its end, which reads nothing and ends; a shard with no records yet is not rolled", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsLatest"));
    expect(await stack.proxy.rollStreamShards(SCOPE, "ShardsLatest")).toBeNull();
    await writeAll("ShardsLatest", ["a"]);
    const roll = await stack.proxy.rollStreamShards(SCOPE, "ShardsLatest");
    expect(await stack.proxy.rollStreamShards(SCOPE, "ShardsLatest")).toBeNull();
    const closed = roll?.closed.shardId ?? "";
    stack.advance(1_000);
    const page = await stack.streams.send(new GetRecordsCommand({ ShardIterator: await iteratorFor(stack.streams, arn, closed, "LATEST") }));
    expect(page.Records).toEqual([]);
    expect(page.NextShardIterator).toBeUndefined();
    expect(await allShards(stack.streams, arn)).toHaveLength(2);
  });

  it("keeps AT_SEQUENCE_NUMBER inside the shard: a parent's record is not in its child", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsRange"));
    await writeAll("ShardsRange", ["a"]);
    const roll = await stack.proxy.rollStreamShards(SCOPE, "ShardsRange");
    const error = await iteratorFor(stack.streams, arn, roll?.opened.shardId ?? "", "AT_SEQUENCE_NUMBER", roll?.closed.endingSequenceNumber).then(
      () => new Error("expected a refusal"),
      (refusal: unknown) => refusal as Error,
    );
    expect(error.name).toBe("ValidationException");
  });
});

describe("finding the last record", () => {
  it("closes at the last of thousands of records and points LATEST just after it", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsMany"));
    const ids = Array.from({ length: 2_600 }, (_, index) => `m${String(index).padStart(4, "0")}`);
    for (let start = 0; start < ids.length; start += 25) {
      const requests = ids.slice(start, start + 25).map((id) => ({ PutRequest: { Item: { id: { S: id } } } }));
      const answer = await stack.fixtures.send(new BatchWriteItemCommand({ RequestItems: { ShardsMany: requests } }));
      expect(answer.UnprocessedItems?.ShardsMany ?? []).toEqual([]);
    }
    const shardId = (await allShards(stack.streams, arn))[0]?.ShardId ?? "";
    const latest = await iteratorFor(stack.streams, arn, shardId, "LATEST");
    await writeAll("ShardsMany", ["after-latest"]);
    const roll = await stack.proxy.rollStreamShards(SCOPE, "ShardsMany");
    const parent = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shardId, "TRIM_HORIZON"), { ...paced, limit: 1_000 });
    expect(parent.records).toHaveLength(2_601);
    expect(parent.ended).toBe(true);
    expect(roll?.closed.endingSequenceNumber).toBe(parent.records.at(-1)?.dynamodb?.SequenceNumber);
    const afterLatest = await readShard(stack.streams, latest, paced);
    expect(idsOf(afterLatest.records)).toEqual(["after-latest"]);
    expect(afterLatest.ended).toBe(true);
  });
});

describe("DescribeStream", () => {
  it("pages shards oldest first by Limit and ExclusiveStartShardId, each child naming the one before as its parent", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsPaged"));
    for (const round of ["a", "b", "c", "d"]) {
      await writeAll("ShardsPaged", [round]);
      expect(await stack.proxy.rollStreamShards(SCOPE, "ShardsPaged")).not.toBeNull();
    }
    const whole = await stack.streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    const shards = whole.StreamDescription?.Shards ?? [];
    expect(shards).toHaveLength(5);
    expect(whole.StreamDescription?.LastEvaluatedShardId).toBeUndefined();
    shards.forEach((shard, index) => {
      expect(shard.ParentShardId).toBe(index === 0 ? undefined : shards[index - 1]?.ShardId);
      expect(shard.SequenceNumberRange?.EndingSequenceNumber === undefined).toBe(index === 4);
    });

    const first = await stack.streams.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 2 }));
    expect(first.StreamDescription?.Shards).toEqual(shards.slice(0, 2));
    expect(first.StreamDescription?.LastEvaluatedShardId).toBe(shards[1]?.ShardId);
    expect(first.StreamDescription?.StreamArn).toBe(arn);
    expect(first.StreamDescription?.TableName).toBe("ShardsPaged");
    expect(await allShards(stack.streams, arn, 2)).toEqual(shards);
    const last = await stack.streams.send(new DescribeStreamCommand({ StreamArn: arn, Limit: 2, ExclusiveStartShardId: shards[3]?.ShardId }));
    expect(last.StreamDescription?.Shards).toEqual(shards.slice(4));
    expect(last.StreamDescription?.LastEvaluatedShardId).toBeUndefined();

    const children = await stack.streams.send(new DescribeStreamCommand({ StreamArn: arn, ShardFilter: { Type: "CHILD_SHARDS", ShardId: shards[2]?.ShardId } }));
    expect(children.StreamDescription?.Shards).toEqual([shards[3]]);
  });

  it("follows the shards from the first to the open one, reading every record once", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("ShardsFollowed"));
    const written: string[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = [`r${round}-1`, `r${round}-2`];
      await writeAll("ShardsFollowed", ids);
      written.push(...ids);
      await stack.proxy.rollStreamShards(SCOPE, "ShardsFollowed");
    }
    await writeAll("ShardsFollowed", ["open-1"]);
    written.push("open-1");
    const read: string[] = [];
    let shard = (await allShards(stack.streams, arn)).find((candidate) => candidate.ParentShardId === undefined);
    while (shard?.ShardId) {
      const result = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shard.ShardId, "TRIM_HORIZON"), paced);
      read.push(...idsOf(result.records));
      const parentId = shard.ShardId;
      shard = (await allShards(stack.streams, arn)).find((candidate) => candidate.ParentShardId === parentId);
      expect(result.ended).toBe(shard !== undefined);
    }
    expect(read).toEqual(written);
  });
});

describe("the periodic roll", () => {
  it("rolls the streams readers have touched every shardRollIntervalMs, each new shard a child of the last", async () => {
    const rolling = await startStreamProxy({ shardRollIntervalMs: 50 });
    try {
      const arn = await createStreamTable(rolling.fixtures, definition("ShardsPeriodic"));
      await rolling.fixtures.send(new PutItemCommand({ TableName: "ShardsPeriodic", Item: { id: { S: "first" } } }));
      expect(await allShards(rolling.streams, arn)).toHaveLength(1);
      await vi.waitFor(async () => expect(await allShards(rolling.streams, arn)).toHaveLength(2), { timeout: 10_000, interval: 50 });
      await rolling.fixtures.send(new PutItemCommand({ TableName: "ShardsPeriodic", Item: { id: { S: "second" } } }));
      await vi.waitFor(async () => expect(await allShards(rolling.streams, arn)).toHaveLength(3), { timeout: 10_000, interval: 50 });
      const shards = await allShards(rolling.streams, arn);
      expect(shards.map((shard) => shard.ParentShardId)).toEqual([undefined, shards[0]?.ShardId, shards[1]?.ShardId]);
    } finally {
      await rolling.stop();
    }
  });
});
