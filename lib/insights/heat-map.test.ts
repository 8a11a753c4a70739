import { describe, expect, it } from "vitest";
import { buildHeatMap, heatColor } from "./heat-map";

const contributor = (key: string, points: Array<[number, number]>) => ({
  keys: [key],
  total: points.reduce((sum, [, v]) => sum + v, 0),
  peakPerMinute: Math.max(...points.map(([, v]) => v)),
  peakAt: null,
  datapoints: points.map(([t, v]) => ({ t, v })),
  partitionCap: null,
  throttled: null,
});

describe("buildHeatMap", () => {
  it("places each key's per-minute values in its period's column, leaving gaps empty", () => {
    const map = buildHeatMap([contributor("HOT", [[0, 10], [120_000, 30]]), contributor("cold", [[60_000, 2]])], 0, 180_000, 60);
    expect(map.columns).toEqual([0, 60_000, 120_000]);
    expect(map.rows.map((row) => row.cells)).toEqual([
      [10, null, 30],
      [null, 2, null],
    ]);
    expect(map.max).toBe(30);
  });

  it("colours nothing for no data and the hottest cell darkest", () => {
    expect(heatColor(null, 10, "accessed")).toBe("transparent");
    expect(heatColor(10, 10, "throttled")).toBe("rgb(159, 18, 57)");
  });
});
