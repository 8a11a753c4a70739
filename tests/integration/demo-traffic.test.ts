import { afterEach, describe, expect, it } from "vitest";
import { checkDemoSignals } from "../../local/stack/demo-signals";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";

// The whole embedded stack as `npm run demo` starts it (its own DynamoDB Local, the seed, the metering proxy and the
// local CloudWatch), once with simulated history only and once with live traffic only, so neither can pass on the
// other's data. Metrics flush every 2 s instead of every 10.
let stack: LocalStack | undefined;

afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

describe("the demo traffic", () => {
  it("simulated history shows every signal without a single live request", async () => {
    stack = await startLocalStack({ seed: true, historyMs: 10 * 60_000, workload: false, heapMb: 512 });
    expect(stack.history?.requests).toBeGreaterThan(10_000);
    const checks = await checkDemoSignals(stack.cloudwatch.endpoint, Date.now() - 11 * 60_000);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  }, 120_000);

  it("live traffic through the proxy produces throttling and the hot key within a minute", async () => {
    stack = await startLocalStack({ seed: true, historyMs: 0, workload: true, flushIntervalMs: 2_000, heapMb: 512 });
    const since = Date.now() - 60_000;
    let checks = await checkDemoSignals(stack.cloudwatch.endpoint, since);
    for (let attempt = 0; attempt < 30 && !checks.every((check) => check.ok); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      checks = await checkDemoSignals(stack.cloudwatch.endpoint, since);
    }
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    const stats = stack.workload?.stats();
    expect(stats?.errors).toBe(0);
    expect(stats?.throttled.Shop).toBeGreaterThan(0);
  }, 180_000);
});
