import { z } from "zod";
import { callStreamsParsed, describeStreamSchema, getRecordsSchema, shardIteratorSchema, type UpstreamScope } from "./stream-upstream";
import { VirtualStream, type ShardRoll } from "./stream-shards";
import { callUpstream } from "./upstream";

/** One page of the proxy's own reads of the real shard; DynamoDB Streams' GetRecords returns at most 1,000 records. */
const SCAN_PAGE = 1_000;
/** The full read at the end of a scan stops after this many pages and resumes from there next time, so one call stays bounded. */
const SCAN_PAGES = 100;

const tableStreamSchema = z.looseObject({ Table: z.looseObject({ LatestStreamArn: z.string().optional() }) });

type Entry = { scope: UpstreamScope; stream: VirtualStream; queue: Promise<unknown> };

const idMs = (shardId: string, fallback: number) => {
  const digits = /^shardId-(\d{1,20})-/.exec(shardId)?.[1];
  return digits === undefined ? fallback : Number(digits);
};

/**
 * The virtual shards of every stream a reader has touched, per tenant (access key and region, as DynamoDB Local keeps
 * a database per pair: its stream ARNs name neither account nor region, so the same ARN may exist twice).
 */
export class StreamRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly upstream: URL,
    private readonly now: () => number,
  ) {}

  private key(scope: UpstreamScope, streamArn: string): string {
    return `${scope.accessKeyId}/${scope.region}|${streamArn}`;
  }

  known(scope: UpstreamScope, streamArn: string): VirtualStream | undefined {
    return this.entries.get(this.key(scope, streamArn))?.stream;
  }

  /**
   * The stream's virtual shards, made from DynamoDB Local's description on first use. A fresh description (from a
   * reader's DescribeStream) also tells whether the real shard has closed, as it does when the stream is disabled.
   */
  async ensure(scope: UpstreamScope, streamArn: string, fresh?: z.infer<typeof describeStreamSchema>): Promise<VirtualStream> {
    const key = this.key(scope, streamArn);
    const existing = this.entries.get(key);
    if (existing && !fresh) return existing.stream;
    const description = fresh ?? (await callStreamsParsed(this.upstream, scope, "DescribeStream", { StreamArn: streamArn }, describeStreamSchema));
    const shards = description.StreamDescription.Shards;
    const real = shards.find((shard) => shard.SequenceNumberRange.EndingSequenceNumber === undefined) ?? shards[shards.length - 1];
    if (!real) throw new Error(`DynamoDB Local described ${streamArn} without any shard`);
    if (shards.length > 1) throw new Error(`DynamoDB Local gave ${streamArn} ${shards.length} shards; the proxy's virtual shards expect its usual one`);
    const entry = this.entries.get(key) ?? {
      scope,
      stream: new VirtualStream(streamArn, real.ShardId, real.SequenceNumberRange.StartingSequenceNumber, key, idMs(real.ShardId, this.now())),
      queue: Promise.resolve(),
    };
    this.entries.set(key, entry);
    const realEnd = real.SequenceNumberRange.EndingSequenceNumber;
    if (realEnd !== undefined) entry.stream.closeAt(BigInt(realEnd));
    return entry.stream;
  }

  /**
   * The last sequence number written to the real shard so far, read from where the proxy last looked (these reads are
   * the proxy's own: they do not count against the readers' limit). Scans of one stream run one at a time.
   */
  lastWritten(scope: UpstreamScope, stream: VirtualStream): Promise<bigint> {
    const entry = this.entries.get(this.key(scope, stream.streamArn));
    if (!entry) throw new Error(`The proxy has not seen ${stream.streamArn}`);
    const run = entry.queue.then(() => this.scan(scope, stream));
    entry.queue = run.catch(() => undefined);
    return run;
  }

  private async iteratorAfter(scope: UpstreamScope, stream: VirtualStream, after: bigint): Promise<string> {
    const position = after < BigInt(stream.realStart) ? { ShardIteratorType: "TRIM_HORIZON" } : { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: stream.format(after) };
    const answer = await callStreamsParsed(this.upstream, scope, "GetShardIterator", { StreamArn: stream.streamArn, ShardId: stream.realShardId, ...position }, shardIteratorSchema);
    return answer.ShardIterator;
  }

  /** The sequence number of the first record after `after`, or null when there is none yet. */
  private async firstAfter(scope: UpstreamScope, stream: VirtualStream, after: bigint): Promise<bigint | null> {
    const page = await callStreamsParsed(this.upstream, scope, "GetRecords", { ShardIterator: await this.iteratorAfter(scope, stream, after), Limit: 1 }, getRecordsSchema);
    const first = page.Records[0];
    return first ? BigInt(first.dynamodb.SequenceNumber) : null;
  }

  /**
   * Finds the last record by galloping and bisecting over sequence numbers (DynamoDB Local accepts AFTER_SEQUENCE_NUMBER
   * for a number no record has), then reads the last thousand or so records in full: a stream the seed wrote 50,000
   * records to is found in a few dozen small calls instead of fifty pages of full images.
   */
  private async scan(scope: UpstreamScope, stream: VirtualStream): Promise<bigint> {
    let low = stream.seenThrough;
    let step = BigInt(SCAN_PAGE);
    for (let found = await this.firstAfter(scope, stream, low + step); found !== null; found = await this.firstAfter(scope, stream, low + step)) {
      low = found;
      step *= 2n;
    }
    let high = low + step;
    while (high - low > BigInt(SCAN_PAGE)) {
      const middle: bigint = (low + high) / 2n;
      const found = await this.firstAfter(scope, stream, middle);
      if (found === null) high = middle;
      else low = found;
    }
    let iterator: string | null | undefined = await this.iteratorAfter(scope, stream, low);
    stream.noteSeen(low);
    for (let page = 0; page < SCAN_PAGES && iterator; page++) {
      const records: z.infer<typeof getRecordsSchema> = await callStreamsParsed(this.upstream, scope, "GetRecords", { ShardIterator: iterator, Limit: SCAN_PAGE }, getRecordsSchema);
      const last = records.Records[records.Records.length - 1];
      if (!last) break;
      stream.noteSeen(BigInt(last.dynamodb.SequenceNumber));
      iterator = records.NextShardIterator;
    }
    return stream.seenThrough;
  }

  /** Closes the open virtual shard of the table's stream at the last record written and opens its child. */
  async rollTable(scope: UpstreamScope, tableName: string): Promise<ShardRoll | null> {
    const described = tableStreamSchema.parse(await callUpstream(this.upstream, scope, "DescribeTable", { TableName: tableName }));
    const streamArn = described.Table.LatestStreamArn;
    if (streamArn === undefined) throw new Error(`Table ${tableName} in ${scope.region} has no stream to roll`);
    return this.roll(scope, await this.ensure(scope, streamArn));
  }

  async roll(scope: UpstreamScope, stream: VirtualStream): Promise<ShardRoll | null> {
    const last = await this.lastWritten(scope, stream);
    // Synchronous from here: a reader's page that lands after this point already sees the shard closed.
    return stream.roll(last, this.now());
  }

  /** Rolls every stream the proxy knows (the demo's periodic roll, standing in for AWS's own every few hours). */
  async rollAll(): Promise<Array<PromiseSettledResult<ShardRoll | null>>> {
    return Promise.allSettled([...this.entries.values()].map((entry) => this.roll(entry.scope, entry.stream)));
  }
}
