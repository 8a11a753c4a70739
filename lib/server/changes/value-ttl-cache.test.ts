import { describe, expect, it } from "vitest";
import { ValueTtlCache } from "./value-ttl-cache";

describe("ValueTtlCache", () => {
  it("coalesces concurrent loads, keeps each value for the time its load gave, and does not cache failures", async () => {
    const clock = { now: 0 };
    const cache = new ValueTtlCache<string>(10, () => clock.now);
    let loads = 0;
    const load = (ttlMs: number) => async () => ({ value: `v${++loads}`, ttlMs });
    expect(await Promise.all([cache.get("k", load(10_000)), cache.get("k", load(10_000)), cache.get("k", load(10_000))])).toEqual(["v1", "v1", "v1"]);
    clock.now = 9_999;
    expect(await cache.get("k", load(1_000))).toBe("v1");
    clock.now = 10_000;
    expect(await cache.get("k", load(1_000))).toBe("v2");
    clock.now = 11_000;
    expect(await cache.get("k", load(60_000))).toBe("v3");
    await expect(cache.get("other", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("other", load(1))).toBe("v4");
  });

  it("evicts the oldest entry beyond its size", async () => {
    const cache = new ValueTtlCache<number>(2, () => 0);
    let loads = 0;
    const load = async () => ({ value: ++loads, ttlMs: 60_000 });
    await cache.get("a", load);
    await cache.get("b", load);
    await cache.get("c", load);
    expect(await cache.get("b", load)).toBe(2);
    expect(await cache.get("a", load)).toBe(4);
  });
});
