import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { GetRecordsCommand, ListStreamsCommand, type _Record } from "@aws-sdk/client-dynamodb-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxCallsPerSecond } from "../../local/metering/stream-read-limit";
import { allShards, createStreamTable, idsOf, iteratorFor, readShard, startStreamProxy, type StreamProxy } from "../support/stream-proxy";

// DynamoDB Streams through the metering proxy, read with the real @aws-sdk/client-dynamodb-streams client: records as
// DynamoDB Local wrote them, AWS's per-shard read limit, iterator expiry and LATEST.

const BIG = "12345678901234567890123456789012345678";
const BYTES = new Uint8Array([0, 1, 2, 253, 254, 255]);

let stack: StreamProxy;
const tableDefinition = (name: string) => ({
  TableName: name,
  BillingMode: "PAY_PER_REQUEST" as const,
  AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
  KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
  StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" as const },
});
const put = (table: string, id: string) => stack.fixtures.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, n: { N: "1" } } }));
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
  );

beforeAll(async () => {
  stack = await startStreamProxy({ iteratorMaxAgeMs: 60_000 });
});
afterAll(async () => {
  await stack?.stop();
});

describe("records through the proxy", () => {
  it("passes INSERT, MODIFY and REMOVE records on as DynamoDB Local wrote them, 38-digit numbers and binary intact", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsLossless"));
    await stack.fixtures.send(new PutItemCommand({ TableName: "StreamsLossless", Item: { id: { S: "a" }, big: { N: BIG }, raw: { B: BYTES }, nested: { M: { list: { L: [{ N: "-0.000000000000000000000000000000000001" }, { NULL: true }] } } } } }));
    await stack.fixtures.send(new UpdateItemCommand({ TableName: "StreamsLossless", Key: { id: { S: "a" } }, UpdateExpression: "SET big = :b", ExpressionAttributeValues: { ":b": { N: "-99999999999999999999999999999999999999" } } }));
    await stack.fixtures.send(new DeleteItemCommand({ TableName: "StreamsLossless", Key: { id: { S: "a" } } }));

    const [shard] = await allShards(stack.streams, arn);
    const shardId = shard?.ShardId ?? "";
    const viaProxy = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shardId, "TRIM_HORIZON"));
    const direct = await readShard(stack.direct, await iteratorFor(stack.direct, arn, shardId, "TRIM_HORIZON"));

    expect(viaProxy.records.map((record) => record.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    expect(viaProxy.records).toEqual(direct.records);
    const [insert, modify, remove] = viaProxy.records as [_Record, _Record, _Record];
    expect(insert.dynamodb?.NewImage?.big?.N).toBe(BIG);
    expect(insert.dynamodb?.NewImage?.raw?.B).toEqual(BYTES);
    expect(insert.dynamodb?.NewImage?.nested?.M?.list?.L?.[0]?.N).toBe("-0.000000000000000000000000000000000001");
    expect(insert.dynamodb?.OldImage).toBeUndefined();
    expect(modify.dynamodb?.OldImage?.big?.N).toBe(BIG);
    expect(modify.dynamodb?.NewImage?.big?.N).toBe("-99999999999999999999999999999999999999");
    expect(remove.dynamodb?.OldImage?.raw?.B).toEqual(BYTES);
    expect(remove.dynamodb?.NewImage).toBeUndefined();
    expect(remove.dynamodb?.Keys).toEqual({ id: { S: "a" } });
  });

  it("passes ListStreams through, and refuses an unsigned request as DynamoDB does", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsListed"));
    const listed = await stack.streams.send(new ListStreamsCommand({ TableName: "StreamsListed" }));
    expect(listed.Streams?.map((stream) => stream.StreamArn)).toEqual([arn]);
    const response = await fetch(stack.proxy.endpoint, { method: "POST", headers: { "x-amz-target": "DynamoDBStreams_20120810.ListStreams", "content-type": "application/x-amz-json-1.0" }, body: "{}" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: "com.amazon.coral.service#MissingAuthenticationTokenException" });
  });

  it("LATEST on an open shard sees only the writes after it", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsLatest"));
    await put("StreamsLatest", "before-1");
    await put("StreamsLatest", "before-2");
    const [shard] = await allShards(stack.streams, arn);
    const latest = await iteratorFor(stack.streams, arn, shard?.ShardId ?? "", "LATEST");
    expect((await stack.streams.send(new GetRecordsCommand({ ShardIterator: latest }))).Records).toEqual([]);
    await put("StreamsLatest", "after-1");
    const read = await readShard(stack.streams, latest, { between: () => stack.advance(1_000) });
    expect(idsOf(read.records)).toEqual(["after-1"]);
    expect(read.ended).toBe(false);
  });

  it("AT_ and AFTER_SEQUENCE_NUMBER start at and after a record, and a number outside the shard is refused", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsAt"));
    for (const id of ["one", "two", "three"]) await put("StreamsAt", id);
    const shardId = (await allShards(stack.streams, arn))[0]?.ShardId ?? "";
    const all = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shardId, "TRIM_HORIZON"), { between: () => stack.advance(1_000) });
    const second = all.records[1]?.dynamodb?.SequenceNumber ?? "";
    const at = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shardId, "AT_SEQUENCE_NUMBER", second), { between: () => stack.advance(1_000) });
    const after = await readShard(stack.streams, await iteratorFor(stack.streams, arn, shardId, "AFTER_SEQUENCE_NUMBER", second), { between: () => stack.advance(1_000) });
    expect(idsOf(at.records)).toEqual(["two", "three"]);
    expect(idsOf(after.records)).toEqual(["three"]);
    const error = await rejection(iteratorFor(stack.streams, arn, shardId, "AT_SEQUENCE_NUMBER", "0".repeat(21)));
    expect(error.name).toBe("ValidationException");
  });
});

describe("the per-shard read limit", () => {
  it("answers a sixth GetRecords within a second on one shard, from any reader, with LimitExceededException, and counts it", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsLimited"));
    await put("StreamsLimited", "x");
    const shardId = (await allShards(stack.streams, arn))[0]?.ShardId ?? "";
    const first = await iteratorFor(stack.streams, arn, shardId, "TRIM_HORIZON");
    const second = await iteratorFor(stack.streams, arn, shardId, "LATEST");
    stack.freeze(true);
    try {
      // Two readers share the shard's five calls a second, as a table's Lambda trigger and a dashboard would.
      for (const iterator of [first, second, first, second, first]) await stack.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      const error = await rejection(stack.streams.send(new GetRecordsCommand({ ShardIterator: second })));
      expect(error.name).toBe("LimitExceededException");
      expect(error.message).toBe(`Rate exceeded for shard ${shardId}`);
      expect(error.$metadata?.httpStatusCode).toBe(400);
      const reads = stack.proxy.streamReads().byShard[shardId];
      expect(reads).toMatchObject({ calls: 6, throttled: 1 });
      expect(reads?.callTimes).toHaveLength(6);
      expect(maxCallsPerSecond(reads?.callTimes ?? [])).toBe(6);

      // A second later the window has room again.
      stack.advance(1_000);
      const page = await stack.streams.send(new GetRecordsCommand({ ShardIterator: first }));
      expect(idsOf(page.Records ?? [])).toEqual(["x"]);
      expect(stack.proxy.streamReads().byShard[shardId]).toMatchObject({ calls: 7, throttled: 1 });
    } finally {
      stack.freeze(false);
    }
  });
});

describe("iterators", () => {
  it("expire after the configured age, as AWS's do 15 minutes after they are returned", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsExpiry"));
    await put("StreamsExpiry", "x");
    const shardId = (await allShards(stack.streams, arn))[0]?.ShardId ?? "";
    const iterator = await iteratorFor(stack.streams, arn, shardId, "TRIM_HORIZON");
    stack.advance(59_000);
    const page = await stack.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    expect(idsOf(page.Records ?? [])).toEqual(["x"]);
    stack.advance(1_001);
    const expired = await rejection(stack.streams.send(new GetRecordsCommand({ ShardIterator: iterator })));
    expect(expired.name).toBe("ExpiredIteratorException");
    // The NextShardIterator GetRecords returned is a new iterator, with its own 60 seconds.
    const next = page.NextShardIterator ?? "";
    expect(next.length).toBeLessThanOrEqual(2048);
    expect((await stack.streams.send(new GetRecordsCommand({ ShardIterator: next }))).Records).toEqual([]);
  });

  it("refuses a garbled iterator with ValidationException and an unknown shard with ResourceNotFoundException", async () => {
    const arn = await createStreamTable(stack.fixtures, tableDefinition("StreamsGarbled"));
    for (const garbled of ["garbage", `${arn}|001|AAAA`, "dlp1.bm90LWpzb24"]) {
      const error = await rejection(stack.streams.send(new GetRecordsCommand({ ShardIterator: garbled })));
      expect(error.name).toBe("ValidationException");
      expect(error.message).toBe("Invalid ShardIterator");
    }
    const unknownShard = await rejection(iteratorFor(stack.streams, arn, "shardId-00000000000000000001-00000000", "TRIM_HORIZON"));
    expect(unknownShard.name).toBe("ResourceNotFoundException");
  });
});
