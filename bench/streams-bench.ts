import type { JobResponse, StartJobResponse } from "../lib/jobs/job-types";
import type { StreamRecordsResponse, StreamSampleParams, StreamSampleResult } from "../lib/streams/stream-types";
import { freePort } from "../local/free-port";
import { localDynamoDb } from "../local/local-clients";
import type { RunningMeteringProxy } from "../local/metering/metering-proxy";
import { startDashboard } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { processMemory } from "./process-memory";
import { createStreamTable, startStreamWriter, STREAM_BENCH_TABLE } from "./streams-writer";

const TAIL_SECONDS = 30;
const SAMPLE_SECONDS = 30;
const LONG_SAMPLE_SECONDS = 300;

type ProxyCalls = { shards: number; calls: number; throttled: number; callsPerShardPerSecond: number; busiestSecondPerShard: number };

/** GetRecords calls the proxy counted between two times: per shard per second on average, and the most in any one second on one shard. */
function proxyCalls(proxy: RunningMeteringProxy, fromMs: number, toMs: number): ProxyCalls {
  let calls = 0;
  let throttled = 0;
  let busiest = 0;
  const shards = Object.values(proxy.streamReads().byShard).filter((shard) => shard.callTimes.some((t) => t >= fromMs && t <= toMs));
  for (const shard of shards) {
    const times = shard.callTimes.filter((t) => t >= fromMs && t <= toMs);
    calls += times.length;
    throttled += shard.throttled;
    for (let first = 0, last = 0; last < times.length; last++) {
      while ((times[last] ?? 0) - (times[first] ?? 0) >= 1_000) first++;
      busiest = Math.max(busiest, last - first + 1);
    }
  }
  const seconds = (toMs - fromMs) / 1000;
  return { shards: shards.length, calls, throttled, callsPerShardPerSecond: shards.length > 0 ? round(calls / shards.length / seconds, 2) : 0, busiestSecondPerShard: busiest };
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The tail read for TAIL_SECONDS while the writer writes flat out: records/s the tail delivered through its API. */
async function benchTail(baseUrl: string, proxy: RunningMeteringProxy, writerPerSecond: number | undefined) {
  const url = `${baseUrl}/api/tables/${STREAM_BENCH_TABLE}/stream/records?limit=500`;
  let page = await getJson<StreamRecordsResponse>(`${url}&resume=1`);
  const startedAt = Date.now();
  let received = 0;
  while (Date.now() - startedAt < TAIL_SECONDS * 1000) {
    await sleep(250);
    page = await getJson<StreamRecordsResponse>(`${url}&after=${encodeURIComponent(page.cursor ?? "")}`);
    received += page.reset ? 0 : page.records.length;
  }
  const endedAt = Date.now();
  const seconds = (endedAt - startedAt) / 1000;
  return { seconds: round(seconds, 1), writerPerSecond, recordsPerSecond: round(received / seconds), tailStats: page.tail?.stats ?? null, proxy: proxyCalls(proxy, startedAt, endedAt) };
}

async function runSample(baseUrl: string, durationSeconds: number, onTick?: () => void) {
  const { id } = await getJson<StartJobResponse>(`${baseUrl}/api/tables/${STREAM_BENCH_TABLE}/jobs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: "stream-sample", durationSeconds }),
  });
  for (;;) {
    await sleep(5_000);
    onTick?.();
    const { job } = await getJson<JobResponse<StreamSampleParams, StreamSampleResult>>(`${baseUrl}/api/jobs/${id}`);
    if (job.status !== "running") return job;
  }
}

/** A SAMPLE_SECONDS stream sample while the writer writes flat out: records/s the sampler read and its GetRecords calls. */
async function benchSample(baseUrl: string, proxy: RunningMeteringProxy) {
  const before = Date.now();
  const job = await runSample(baseUrl, SAMPLE_SECONDS);
  const result = job.result;
  if (!result) throw new Error(`the stream sample ended ${job.status} without a result: ${job.error?.message ?? job.stopReason}`);
  const seconds = (result.window.end - result.window.start) / 1000;
  return {
    status: job.status,
    records: result.records,
    seconds: round(seconds, 1),
    recordsPerSecond: round(result.records / seconds),
    topKeyShare: round(result.topPartitions[0]?.share ?? 0, 3),
    readerLagSeconds: result.readerLag ? round(result.readerLag.seconds, 1) : null,
    fellBehind: result.warnings.some((warning) => warning.includes("fell behind")),
    reads: result.reads,
    proxy: proxyCalls(proxy, before, Date.now()),
  };
}

/** Dashboard RSS every 5 s during a 5-minute sample of a paced writer spreading over 200,000 keys (Space-Saving keeps it bounded). */
async function benchSampleMemory(baseUrl: string, dashboardPid: number | undefined) {
  const samples: number[] = [];
  const measure = () => {
    const memory = dashboardPid ? processMemory(dashboardPid) : null;
    if (memory) samples.push(memory.rssMb);
  };
  measure();
  const job = await runSample(baseUrl, LONG_SAMPLE_SECONDS, measure);
  measure();
  return {
    durationSeconds: LONG_SAMPLE_SECONDS,
    records: job.result?.records ?? null,
    distinctPartitions: job.result?.distinctPartitions ?? null,
    counting: job.result?.counting ?? null,
    rssMbStart: samples[0] ?? null,
    rssMbMax: samples.length > 0 ? Math.max(...samples) : null,
    rssMbEnd: samples.at(-1) ?? null,
  };
}

export type StreamsBench = Awaited<ReturnType<typeof benchStreams>>;

/**
 * The stream readers on a stack of their own: no demo traffic, no shard rolls, the proxy's per-shard read limit on as
 * in AWS. The writer writes straight to DynamoDB Local, so what is measured is how fast the readers keep up.
 */
export async function benchStreams(log: (line: string) => void) {
  const stack = await startLocalStack({ seed: false, heapMb: 768, workload: false, enforceCapacity: false, streams: {}, log });
  try {
    const admin = localDynamoDb(stack.dynamodb.endpoint);
    try {
      await createStreamTable(admin);
      const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
      try {
        log("streams: the live tail for 30 s while a writer writes flat out…");
        let writer = startStreamWriter(admin, { keys: 1_000 });
        const tail = await benchTail(dashboard.url, stack.proxy, undefined);
        const tailWrites = await writer.stop();
        log("streams: a 30 s stream sample while a writer writes flat out…");
        writer = startStreamWriter(admin, { keys: 1_000 });
        const sample = await benchSample(dashboard.url, stack.proxy);
        const sampleWrites = await writer.stop();
        log("streams: dashboard RSS during a 5-minute sample (300 writes/s over 200,000 keys)…");
        writer = startStreamWriter(admin, { keys: 200_000, perSecond: 300, concurrency: 2, seed: 16 });
        const memory = await benchSampleMemory(dashboard.url, dashboard.pid);
        await writer.stop();
        return {
          tail: { ...tail, writerPerSecond: round(tailWrites.written / tailWrites.seconds) },
          sample: { ...sample, writerPerSecond: round(sampleWrites.written / sampleWrites.seconds) },
          memory,
        };
      } finally {
        await dashboard.stop();
      }
    } finally {
      admin.destroy();
    }
  } finally {
    await stack.stop();
  }
}

export function streamsRows(result: StreamsBench): Array<[string, string]> {
  return [
    ["stream tail: records/s delivered (writer's rate)", `${result.tail.recordsPerSecond} (${result.tail.writerPerSecond})`],
    ["stream tail: GetRecords per shard per second (busiest second)", `${result.tail.proxy.callsPerShardPerSecond} (${result.tail.proxy.busiestSecondPerShard})`],
    ["stream sample: records/s read (writer's rate)", `${result.sample.recordsPerSecond} (${result.sample.writerPerSecond}); last read ${result.sample.readerLagSeconds ?? "?"} s behind${result.sample.fellBehind ? ", warned" : ""}`],
    ["stream sample: GetRecords per shard per second (busiest second)", `${result.sample.proxy.callsPerShardPerSecond} (${result.sample.proxy.busiestSecondPerShard})`],
    ["stream sample 5 min: dashboard RSS start / max / end (MB)", `${result.memory.rssMbStart} / ${result.memory.rssMbMax} / ${result.memory.rssMbEnd}`],
  ];
}
