import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("admits while the balance is positive and charges after the fact", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 300, () => now);
    expect(bucket.hasCapacity()).toBe(true);
    bucket.consume(25); // a read whose cost was only known after it ran
    expect(bucket.available).toBe(-15);
    expect(bucket.hasCapacity()).toBe(false);
    now = 1_500;
    expect(bucket.available).toBe(0);
    expect(bucket.hasCapacity()).toBe(false);
    now = 1_600;
    expect(bucket.hasCapacity()).toBe(true);
  });

  it("starts with one second of capacity, or as many seconds as it is told it saved before", () => {
    const now = 0;
    expect(new TokenBucket(20, 300, () => now).available).toBe(20);
    const warm = new TokenBucket(20, 300, () => now, 10);
    warm.consume(150); // a 30-second wave's first seconds at 15 writes/s of 2 WCU, with no time to refill
    expect(warm.hasCapacity()).toBe(true);
    expect(warm.available).toBe(50);
  });

  it("accumulates unused capacity up to the burst window, and no further", () => {
    let now = 0;
    const bucket = new TokenBucket(5, 300, () => now);
    now = 1_000_000;
    expect(bucket.available).toBe(1_500);
  });

  it("holds one second when there is no burst allowance", () => {
    let now = 0;
    const bucket = new TokenBucket(1_000, 0, () => now);
    now = 60_000;
    expect(bucket.available).toBe(1_000);
  });

  it("changes rate without losing the balance", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 300, () => now);
    bucket.consume(10);
    bucket.setRate(100);
    now = 100;
    expect(bucket.available).toBeCloseTo(10);
  });

  it("keeps at most one second of a lower rate, so a decrease is felt at once", () => {
    let now = 0;
    const bucket = new TokenBucket(20, 300, () => now);
    now = 300_000;
    expect(bucket.available).toBe(6_000);
    bucket.setRate(5);
    expect(bucket.available).toBe(5);
    now = 301_000;
    expect(bucket.available).toBe(10);
  });
});
