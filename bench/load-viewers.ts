import { setTimeout as sleep } from "node:timers/promises";
import type { PartitionsPage } from "../lib/items/items-api";
import { percentile } from "./stats";

export type LoadOptions = {
  baseUrl: string;
  viewers: number;
  durationMs: number;
  /** Pause between one viewer's page visits; 0 is a closed loop, each viewer asking again as soon as it has its answer. */
  thinkMs: number;
  tables: readonly string[];
  ranges: readonly string[];
  /** A request slower than this counts as an error, so a hung server cannot stretch the run beyond its bound. */
  requestTimeoutMs: number;
};

export type RouteLatency = { requests: number; errors: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };

export type LoadFigures = {
  viewers: number;
  durationSeconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  overall: RouteLatency;
  routes: Record<string, RouteLatency>;
  /** The first few failures, so a non-zero error count says what failed. */
  errorSamples: string[];
};

type Sample = { route: string; ms: number; ok: boolean };

const MAX_ERROR_SAMPLES = 10;

/** A small seeded generator (mulberry32), so two runs with the same flags ask for the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A partition key as the items route takes it: the raw value, typed by the table's key schema. */
function keyText(partition: PartitionsPage["partitions"][number]): string | null {
  const key = partition.key;
  if ("S" in key) return key.S;
  if ("N" in key) return key.N;
  if ("B" in key) return key.B;
  return null;
}

function summarise(samples: readonly Sample[]): RouteLatency {
  const times = samples.map((sample) => sample.ms);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    requests: samples.length,
    errors: samples.filter((sample) => !sample.ok).length,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times.reduce((max, ms) => Math.max(max, ms), 0)),
  };
}

/**
 * Simulated viewers of the table pages: each one, until the time is up, opens the overview (three APIs at once, as
 * the page does), then a random demo table's page (description, metrics and diagnosis for a random range), its
 * partitions, the largest partition's items and a random partition's items. Every request is timed; a non-2xx answer,
 * a body that is not JSON, a network failure or a timeout is an error.
 */
export async function simulateViewers(options: LoadOptions): Promise<LoadFigures> {
  const samples: Sample[] = [];
  const errorSamples: string[] = [];
  const deadline = performance.now() + options.durationMs;

  async function get<T>(route: string, path: string): Promise<T | null> {
    const started = performance.now();
    let ok = false;
    let failure = "";
    let body: unknown = null;
    try {
      const response = await fetch(`${options.baseUrl}${path}`, { signal: AbortSignal.timeout(options.requestTimeoutMs) });
      const text = await response.text();
      ok = response.ok;
      if (ok) body = JSON.parse(text);
      else failure = `HTTP ${response.status}: ${text.slice(0, 200)}`;
    } catch (error) {
      ok = false;
      failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    samples.push({ route, ms: performance.now() - started, ok });
    if (!ok && errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(`${route} ${path}: ${failure}`);
    return ok ? (body as T) : null;
  }

  async function viewer(index: number): Promise<void> {
    const next = random(index + 1);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    while (performance.now() < deadline) {
      await Promise.all([get("overview /api/tables", "/api/tables"), get("overview /api/metrics/overview", "/api/metrics/overview"), get("overview /api/diagnosis/overview", "/api/diagnosis/overview")]);
      const table = encodeURIComponent(pick(options.tables));
      const range = pick(options.ranges);
      await Promise.all([
        get("table /api/tables/:table", `/api/tables/${table}`),
        get("table /metrics", `/api/tables/${table}/metrics?range=${range}`),
        get("table /diagnosis", `/api/tables/${table}/diagnosis?range=${range}`),
      ]);
      const page = await get<PartitionsPage>("partitions", `/api/tables/${table}/partitions`);
      const partitions = page?.partitions ?? [];
      const largest = partitions.reduce<PartitionsPage["partitions"][number] | null>((best, candidate) => (best === null || candidate.items > best.items ? candidate : best), null);
      const largestKey = largest && keyText(largest);
      if (largestKey !== null) await get("items (largest partition)", `/api/tables/${table}/items?pk=${encodeURIComponent(largestKey)}&limit=100`);
      const randomKey = partitions.length > 0 ? keyText(pick(partitions)) : null;
      if (randomKey !== null) await get("items (random partition)", `/api/tables/${table}/items?pk=${encodeURIComponent(randomKey)}&limit=100`);
      if (options.thinkMs > 0) await sleep(options.thinkMs);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: options.viewers }, (_, index) => viewer(index)));
  const elapsedSeconds = (performance.now() - started) / 1000;

  const byRoute = new Map<string, Sample[]>();
  for (const sample of samples) {
    const list = byRoute.get(sample.route);
    if (list) list.push(sample);
    else byRoute.set(sample.route, [sample]);
  }
  const overall = summarise(samples);
  return {
    viewers: options.viewers,
    durationSeconds: Math.round(elapsedSeconds * 10) / 10,
    requests: overall.requests,
    errors: overall.errors,
    requestsPerSecond: Math.round((overall.requests / elapsedSeconds) * 10) / 10,
    overall,
    routes: Object.fromEntries([...byRoute].map(([route, routeSamples]) => [route, summarise(routeSamples)])),
    errorSamples,
  };
}
