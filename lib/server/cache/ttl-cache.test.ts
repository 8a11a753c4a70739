import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("coalesces concurrent loads of one key into a single call", async () => {
    const cache = new TtlCache<number>(10);
    let calls = 0;
    const load = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 42;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", 1_000, load)));
    expect(results).toEqual(Array(20).fill(42));
    expect(calls).toBe(1);
  });

  it("serves from cache until the TTL passes, then reloads", async () => {
    let now = 0;
    const cache = new TtlCache<string>(10, () => now);
    let calls = 0;
    const load = async () => `v${++calls}`;
    expect(await cache.get("k", 100, load)).toBe("v1");
    now = 99;
    expect(await cache.get("k", 100, load)).toBe("v1");
    now = 100;
    expect(await cache.get("k", 100, load)).toBe("v2");
  });

  it("does not cache failures", async () => {
    const cache = new TtlCache<string>(10);
    await expect(cache.get("k", 1_000, async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("k", 1_000, async () => "up")).toBe("up");
  });

  it("evicts the oldest entries past its size", async () => {
    const cache = new TtlCache<number>(2);
    let calls = 0;
    const load = async () => ++calls;
    await cache.get("a", 1_000, load);
    await cache.get("b", 1_000, load);
    await cache.get("c", 1_000, load);
    expect(await cache.get("a", 1_000, load)).toBe(4);
    expect(await cache.get("c", 1_000, load)).toBe(3);
  });

  it("reports whether it loaded, joined a load in flight, or hit the cache", async () => {
    const cache = new TtlCache<number>(10);
    let release: (value: number) => void = () => undefined;
    const load = () => new Promise<number>((resolve) => (release = resolve));
    const first = cache.lookup("k", 1_000, load);
    const second = cache.lookup("k", 1_000, load);
    release(7);
    expect(await first).toEqual({ value: 7, outcome: "miss" });
    expect(await second).toEqual({ value: 7, outcome: "coalesced" });
    expect(await cache.lookup("k", 1_000, load)).toEqual({ value: 7, outcome: "hit" });
  });

  it("with a failure TTL, answers a failed key with the same error until it passes, then asks again", async () => {
    let now = 0;
    const cache = new TtlCache<string>(10, () => now, 1_000);
    let calls = 0;
    const failing = async (): Promise<string> => {
      calls++;
      throw new Error(`rule not found ${calls}`);
    };
    await expect(cache.get("k", 100, failing)).rejects.toThrow("rule not found 1");
    now = 999;
    await expect(cache.get("k", 100, failing)).rejects.toThrow("rule not found 1");
    expect(calls).toBe(1);
    now = 1_000;
    await expect(cache.get("k", 100, async () => "ok")).resolves.toBe("ok");
    await expect(cache.get("k", 100, failing)).resolves.toBe("ok");
  });

  it("keeps each value for the time its own TTL function gives it (a partial answer for less)", async () => {
    let now = 0;
    const cache = new TtlCache<{ partial: boolean; n: number }>(10, () => now);
    let loads = 0;
    const ttl = (value: { partial: boolean }) => (value.partial ? 1_000 : 60_000);
    expect(await cache.get("k", ttl, async () => ({ partial: true, n: ++loads }))).toEqual({ partial: true, n: 1 });
    now = 999;
    expect((await cache.get("k", ttl, async () => ({ partial: false, n: ++loads }))).n).toBe(1);
    now = 1_000;
    expect(await cache.get("k", ttl, async () => ({ partial: false, n: ++loads }))).toEqual({ partial: false, n: 2 });
    now = 60_999;
    expect((await cache.get("k", ttl, async () => ({ partial: false, n: ++loads }))).n).toBe(2);
  });
});
