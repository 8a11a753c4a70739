import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists, type CreateTableCommandInput, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record, type GetRecordsCommandOutput, type Shard, type ShardIteratorType } from "@aws-sdk/client-dynamodb-streams";
import { inject } from "vitest";
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoDb } from "../../local/local-clients";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import type { StreamsOptions } from "../../local/metering/stream-endpoint";

/**
 * A metering proxy of a test's own in front of the run's DynamoDB Local, on a clock the test can move (for the read
 * limit's one-second window and iterator expiry), with the real DynamoDB Streams client on it and one straight on
 * DynamoDB Local (what the proxy reads).
 */
export type StreamProxy = {
  proxy: RunningMeteringProxy;
  /** Through the proxy; one attempt, so a LimitExceededException reaches the test. */
  streams: DynamoDBStreamsClient;
  /** Straight to DynamoDB Local, for comparing what the proxy passes on with what it read. */
  direct: DynamoDBStreamsClient;
  /** Writes fixtures straight to DynamoDB Local (the stream records them all the same). */
  fixtures: DynamoDBClient;
  /** Stops the proxy's clock at its current time, or lets it run again (null). */
  freeze: (frozen: boolean) => void;
  /** Moves the proxy's clock forward. */
  advance: (ms: number) => void;
  stop: () => Promise<void>;
};

export async function startStreamProxy(streams: StreamsOptions = {}): Promise<StreamProxy> {
  let offset = 0;
  let frozenAt: number | null = null;
  const now = () => frozenAt ?? Date.now() + offset;
  const sink = httpMetricsSink(inject("cloudwatchEndpoint"));
  const proxy = await startMeteringProxy({ upstream: inject("dynamodbEndpoint"), sink, flushIntervalMs: 3_600_000, streams, now });
  const client = (endpoint: string) => new DynamoDBStreamsClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const viaProxy = client(proxy.endpoint);
  const direct = client(inject("dynamodbEndpoint"));
  const fixtures = localDynamoDb(inject("dynamodbEndpoint"));
  return {
    proxy,
    streams: viaProxy,
    direct,
    fixtures,
    freeze: (frozen) => {
      if (frozen) frozenAt = now();
      else {
        if (frozenAt !== null) offset = frozenAt - Date.now();
        frozenAt = null;
      }
    },
    advance: (ms) => {
      if (frozenAt !== null) frozenAt += ms;
      else offset += ms;
    },
    stop: async () => {
      viaProxy.destroy();
      direct.destroy();
      fixtures.destroy();
      await proxy.stop();
      sink.destroy();
    },
  };
}

/** Creates a table with a stream and returns the stream's ARN. */
export async function createStreamTable(client: DynamoDBClient, definition: CreateTableCommandInput): Promise<string> {
  await client.send(new CreateTableCommand(definition));
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: definition.TableName ?? "" });
  const described = await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
  const arn = described.Table?.LatestStreamArn;
  if (arn === undefined) throw new Error(`${definition.TableName ?? "(no name)"} has no stream`);
  return arn;
}

/** Every shard of the stream, following DescribeStream's pages. */
export async function allShards(client: DynamoDBStreamsClient, streamArn: string, limit?: number): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, Limit: limit, ExclusiveStartShardId: start }));
    shards.push(...(page.StreamDescription?.Shards ?? []));
    start = page.StreamDescription?.LastEvaluatedShardId;
  } while (start !== undefined);
  return shards;
}

export async function iteratorFor(client: DynamoDBStreamsClient, streamArn: string, shardId: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string> {
  const answer = await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }));
  if (answer.ShardIterator === undefined) throw new Error("GetShardIterator returned no iterator");
  return answer.ShardIterator;
}

export type ShardRead = { records: _Record[]; ended: boolean; pages: number };

/**
 * Reads a shard from an iterator until it ends (no NextShardIterator) or a page comes back empty (an open shard read
 * to its last record), at most `maxPages` pages; `between` runs before each page (e.g. to move the test clock on, so
 * the read limit never decides a test that is not about it).
 */
export async function readShard(client: DynamoDBStreamsClient, iterator: string, options: { limit?: number; maxPages?: number; between?: () => void } = {}): Promise<ShardRead> {
  const records: _Record[] = [];
  let next: string | undefined = iterator;
  let pages = 0;
  while (next !== undefined && pages < (options.maxPages ?? 100)) {
    options.between?.();
    const page: GetRecordsCommandOutput = await client.send(new GetRecordsCommand({ ShardIterator: next, Limit: options.limit }));
    pages++;
    records.push(...(page.Records ?? []));
    next = page.NextShardIterator;
    if ((page.Records ?? []).length === 0) break;
  }
  return { records, ended: next === undefined, pages };
}

/** The `id` key of each record (the tests' tables are keyed by a string `id`), in stream order. */
export const idsOf = (records: readonly _Record[]): string[] => records.map((record) => record.dynamodb?.Keys?.id?.S ?? "(no id)");

