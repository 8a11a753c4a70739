// Key samples confirm their top candidates with Select COUNT Queries (issue #21): estimated vs confirmed counts,
// checked against the known truth of a seeded Zipf table, and the RCU budget shared by the Scan and the queries.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { KeyEstimate, KeySampleResult, KeySkewEntry } from "@/lib/jobs/job-types";
import { finishedSample, keyText, seed, startSample, topKeys, zipfItems, type KeyTally, type ZipfTruth } from "../support/key-sample-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

vi.stubEnv("TABLES", "it-keyconf-*");

const TABLE = "it-keyconf-Zipf";
const fixtures = fixtureClient();
const generous = { rcuBudget: 100_000, rcuPerSecond: 10_000 };
let truth: ZipfTruth;

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "tenant", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "region", AttributeType: "S" },
      ],
      KeySchema: [{ AttributeName: "tenant", KeyType: "HASH" }, { AttributeName: "id", KeyType: "RANGE" }],
      GlobalSecondaryIndexes: [{ IndexName: "ByRegion", KeySchema: [{ AttributeName: "region", KeyType: "HASH" }, { AttributeName: "id", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
    },
  ]);
  const seeded = zipfItems();
  truth = seeded.truth;
  await seed(fixtures, TABLE, seeded.items);
});

afterAll(() => fixtures.destroy());

/** Every key the result gives an estimate for, from the top lists and the confirmed candidates. */
function estimated(result: KeySampleResult): Map<string, KeyEstimate> {
  const all = new Map<string, KeyEstimate>();
  const entries: KeySkewEntry[] = [...result.topByItems, ...result.topByBytes, ...(result.confirmation?.keys ?? [])];
  for (const entry of entries) if (entry.estimate) all.set(keyText(entry), entry.estimate);
  return all;
}

function expectHonest(estimate: KeyEstimate, actual: KeyTally | undefined, key: string): void {
  expect(actual, key).toBeDefined();
  const items = actual?.items ?? -1;
  const bytes = actual?.bytes ?? -1;
  expect(estimate.itemsLow, key).toBeLessThanOrEqual(items);
  expect(estimate.bytesLow, key).toBeLessThanOrEqual(bytes);
  if (estimate.basis === "whole" || (estimate.basis === "confirmed" && estimate.complete)) {
    expect(estimate.items, key).toBe(items);
    expect(estimate.itemsHigh, key).toBe(items);
    expect(bytes, key).toBeLessThanOrEqual(estimate.bytesHigh ?? -1);
  }
}

describe("key sample confirmation", () => {
  it("on the table's own key, counts each key the sample stopped inside to its end, continuing where the Scan stopped", async () => {
    const sampleSize = Math.round(truth.total / 10);
    const { result } = await finishedSample(await startSample(TABLE, { mode: "sample", sampleSize, segments: 4, ...generous }));
    const confirmation = result.confirmation;
    expect(result.sampling).toBe("whole-keys");
    // Each of the 4 segments stopped inside (or at the end of) one key; all of them fit in a generous budget.
    expect(confirmation?.candidates).toBeGreaterThanOrEqual(1);
    expect(confirmation?.candidates).toBeLessThanOrEqual(4);
    expect(confirmation).toMatchObject({ confirmed: confirmation?.candidates, stopReason: "done" });
    for (const entry of confirmation?.keys ?? []) {
      expect(entry.estimate).toMatchObject({ basis: "confirmed", complete: true });
      expect(entry.estimate?.items).toBe(truth.byTenant.get(keyText(entry))?.items);
      // The sample saw part of these keys (perhaps all, when a page ended exactly at a key's end): the queries counted the rest.
      expect(entry.items).toBeLessThanOrEqual(entry.estimate?.items ?? 0);
    }
    const all = estimated(result);
    for (const [key, estimate] of all) expectHonest(estimate, truth.byTenant.get(key), key);
    expect([...all.values()].every((estimate) => estimate.basis === "whole" || estimate.basis === "confirmed")).toBe(true);
    // Every key of the true top 10 the sample reached is reported with its exact total.
    for (const [key, items] of topKeys(truth.byTenant, "items", 10)) {
      const estimate = all.get(key);
      if (estimate) expect(estimate.items, key).toBe(items);
    }
    expect(confirmation?.rcuUsed).toBeGreaterThan(0);
    const counted = `${confirmation?.candidates} of ${confirmation?.candidates}`;
    expect(result.notes.some((note) => note.startsWith(`Then ${counted} keys the sample stopped inside were counted exactly with COUNT queries`))).toBe(true);
  });

  it("on a GSI key, scales the sampled counts by the share read, then counts the largest estimates exactly on the index", async () => {
    const sampleSize = Math.round(truth.total / 10);
    const { result } = await finishedSample(await startSample(TABLE, { mode: "sample", sampleSize, segments: 4, index: "ByRegion", ...generous }));
    const confirmation = result.confirmation;
    expect(confirmation).toMatchObject({ candidates: 20, confirmed: 20, stopReason: "done" });
    for (const entry of confirmation?.keys ?? []) {
      expect(entry.estimate).toMatchObject({ basis: "confirmed", complete: true });
      expectHonest(entry.estimate ?? ({} as KeyEstimate), truth.byRegion.get(keyText(entry)), keyText(entry));
    }
    // Confirmed counts rank the index's true top 10 by items.
    const confirmedTop = (confirmation?.keys ?? []).slice(0, 10).map(keyText);
    const trueTop = topKeys(truth.byRegion, "items", 10).map(([key]) => key);
    expect(confirmedTop.filter((key) => trueTop.includes(key)).length).toBeGreaterThanOrEqual(9);
    // A top entry that was a candidate carries its confirmed count; one that was not (a key whose scaled estimate
    // now outranks a candidate counted lower than estimated) stays a scaled estimate, never passed off as exact.
    const candidates = new Set((confirmation?.keys ?? []).map(keyText));
    for (const entry of result.topByItems) expect(entry.estimate?.basis, keyText(entry)).toBe(candidates.has(keyText(entry)) ? "confirmed" : "scaled");
    expect(result.topByItems.slice(0, 10).filter((entry) => entry.estimate?.basis === "confirmed").length).toBeGreaterThanOrEqual(9);
  });

  it("shares one RCU budget between the Scan and the COUNT queries, stopping the queries when it runs out", async () => {
    const budget = 40;
    const { result } = await finishedSample(await startSample(TABLE, { mode: "sample", sampleSize: truth.total, segments: 4, index: "ByRegion", rcuBudget: budget, rcuPerSecond: 10_000 }));
    const confirmation = result.confirmation;
    expect(confirmation?.stopReason).toBe("budget");
    expect(confirmation?.queries).toBeGreaterThan(0);
    expect(result.rcuUsed).toBeLessThanOrEqual(budget + result.maxPageRcu);
    const unfinished = (confirmation?.keys ?? []).filter((entry) => entry.estimate?.basis !== "confirmed" || !entry.estimate.complete);
    expect(unfinished.length).toBeGreaterThan(0);
    for (const entry of confirmation?.keys ?? []) {
      const estimate = entry.estimate;
      if (estimate?.basis === "confirmed" && !estimate.complete) expect(estimate.itemsHigh).toBeNull();
      // A count (whole or partial) is a hard lower bound; a scaled estimate's interval is statistical, checked below.
      if (estimate && estimate.basis !== "scaled") expect(estimate.itemsLow).toBeLessThanOrEqual(truth.byRegion.get(keyText(entry))?.items ?? 0);
    }
    // Keys the queries did not reach keep their scaled estimate; its 95% interval holds the true total for most of them
    // (the share read comes from ItemCount, itself approximate on AWS).
    const scaled = [...result.topByItems, ...result.topByBytes, ...(confirmation?.keys ?? [])].filter((entry) => entry.estimate?.basis === "scaled");
    expect(scaled.length).toBeGreaterThan(0);
    const inside = scaled.filter((entry) => {
      const items = truth.byRegion.get(keyText(entry))?.items ?? -1;
      return (entry.estimate?.itemsLow ?? Infinity) <= items && items <= (entry.estimate?.itemsHigh ?? -1);
    });
    expect(inside.length / scaled.length).toBeGreaterThanOrEqual(0.8);
  });
});
