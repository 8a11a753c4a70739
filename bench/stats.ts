/** Nearest-rank percentile of a sample, in the sample's unit. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export type LatencySummary = { requests: number; firstMs: number; p50Ms: number; p95Ms: number; maxMs: number; errors: number };

/** Sends `count` sequential GETs and summarises their wall-clock latency. The first request is reported apart (cold caches). */
export async function measureLatency(url: string, count: number): Promise<LatencySummary> {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (!response.ok) errors++;
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: count,
    firstMs: round(samples[0] ?? Number.NaN),
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(Math.max(...samples)),
    errors,
  };
}
