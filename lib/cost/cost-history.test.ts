import { describe, expect, it } from "vitest";
import { costHistory, coveredWindow, filledForward, perMinuteSums, type FetchedResource } from "./cost-history";

const MIN = 60_000;
const START = Date.UTC(2026, 10, 1);
const window = (minutes: number) => ({ start: START, end: START + minutes * MIN });
const points = (entries: Array<[minute: number, value: number]>) => ({ timestamps: entries.map(([minute]) => START + minute * MIN), values: entries.map(([, value]) => value) });
const none = { timestamps: [], values: [] };

function resource(overrides: Partial<FetchedResource> = {}): FetchedResource {
  return { index: null, consumedRead: none, consumedWrite: none, currentCapacity: null, storageBytes: 0, onDemandMaximum: null, scalingBounds: null, ...overrides };
}

describe("perMinuteSums", () => {
  it("puts each datapoint in its minute, adds two in one minute, and leaves minutes without one at 0", () => {
    expect(perMinuteSums(points([[0, 5], [2, 1], [2, 2], [4, 7]]), window(5))).toEqual([5, 0, 3, 0, 7]);
  });

  it("ignores datapoints outside the window", () => {
    expect(perMinuteSums(points([[-1, 9], [3, 9], [1, 4]]), window(3))).toEqual([0, 4, 0]);
  });
});

describe("filledForward", () => {
  it("holds each reported capacity until the next, and takes the first for the minutes before it", () => {
    expect(filledForward(points([[2, 10], [5, 20]]), window(7), 99)).toEqual([10, 10, 10, 10, 10, 20, 20]);
  });

  it("uses DescribeTable's capacity where CloudWatch reported none", () => {
    expect(filledForward(none, window(3), 25)).toEqual([25, 25, 25]);
  });
});

describe("coveredWindow", () => {
  const requested = window(14 * 1_440);

  it("keeps the whole window for a table older than it: its missing minutes were idle", () => {
    expect(coveredWindow(requested, START - MIN, [resource({ consumedRead: points([[10_000, 1]]) })])).toEqual({ window: requested, notes: [] });
  });

  it("starts a younger table at its creation, saying the month comes from less", () => {
    const created = START + 13 * 1_440 * MIN + 30_000;
    const covered = coveredWindow(requested, created, [resource({ consumedRead: points([[13 * 1_440 + 5, 1]]) })]);
    expect(covered.window).toEqual({ start: START + 13 * 1_440 * MIN, end: requested.end });
    expect(covered.notes[0]).toMatch(/history starts 2026-11-14 00:00 UTC \(1 day\)/);
  });

  it("starts at an older first datapoint when CloudWatch has one (a table re-created under the same name)", () => {
    const covered = coveredWindow(requested, requested.end - MIN, [resource({ consumedWrite: points([[1_440, 3]]) })]);
    expect(covered.window.start).toBe(START + 1_440 * MIN);
    expect(covered.notes[0]).toMatch(/13 days/);
  });

  it("leaves a table created this minute one whole minute", () => {
    const covered = coveredWindow(requested, requested.end + 10_000, [resource()]);
    expect(covered.window).toEqual({ start: requested.end - MIN, end: requested.end });
    expect(covered.notes[0]).toMatch(/\(1 hour\)/);
  });
});

describe("costHistory", () => {
  it("gives on-demand resources demand only, and provisioned ones their filled-forward capacity", () => {
    const fetched = [
      resource({ consumedRead: points([[0, 60]]), provisionedRead: points([[1, 4]]), provisionedWrite: none, currentCapacity: { read: 2, write: 3 }, storageBytes: 100 }),
      resource({ index: "G", consumedWrite: points([[2, 6]]), currentCapacity: { read: 1, write: 1 }, storageBytes: 50 }),
    ];
    const provisioned = costHistory(window(3), fetched, true);
    expect(provisioned.resources[0]).toMatchObject({ demand: { startMs: START, readUnits: [60, 0, 0], writeUnits: [0, 0, 0] }, provisioned: { readUnits: [4, 4, 4], writeUnits: [3, 3, 3] }, storageBytes: 100 });
    expect(provisioned.resources[1]).toMatchObject({ index: "G", provisioned: { readUnits: [1, 1, 1], writeUnits: [1, 1, 1] }, storageBytes: 50 });
    expect(provisioned.storageBytes).toBe(150);
    expect(costHistory(window(3), fetched, false).resources.map((entry) => entry.provisioned)).toEqual([null, null]);
  });

  it("drops per-resource storage when any size is unknown, and says so", () => {
    const history = costHistory(window(2), [resource({ storageBytes: 100 }), resource({ index: "G", storageBytes: null })], false);
    expect(history.storageBytes).toBe(100);
    expect(history.resources.every((entry) => entry.storageBytes === undefined)).toBe(true);
    expect(history.notes[0]).toMatch(/not reported a size for GSI G/);
  });
});
