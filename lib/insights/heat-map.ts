import type { Contributor } from "./insights-types";

/** A key heat map's cells: top contributor keys as rows, periods as columns, values per minute. Client-safe. */
export type HeatMap = {
  rows: Array<{ key: string; label: string; total: number; cells: Array<number | null> }>;
  /** Column start times, epoch ms, ascending. */
  columns: number[];
  max: number;
};

export function buildHeatMap(contributors: readonly Contributor[], start: number, end: number, periodSeconds: number, maxRows = 15): HeatMap {
  const periodMs = periodSeconds * 1000;
  const columns: number[] = [];
  for (let t = start; t < end; t += periodMs) columns.push(t);
  let max = 0;
  const rows = contributors.slice(0, maxRows).map((contributor) => {
    const cells: Array<number | null> = columns.map(() => null);
    for (const point of contributor.datapoints) {
      const column = Math.floor((point.t - start) / periodMs);
      if (column < 0 || column >= cells.length) continue;
      cells[column] = (cells[column] ?? 0) + point.v;
      max = Math.max(max, cells[column] ?? 0);
    }
    return { key: contributor.keys[0] ?? "", label: contributor.keys.join(" · "), total: contributor.total, cells };
  });
  return { rows, columns, max };
}

/** Colour for a value on a sequential scale (square-root, so mid values stay visible next to one hot key). */
export function heatColor(value: number | null, max: number, mode: "accessed" | "throttled"): string {
  if (value === null || value <= 0 || max <= 0) return "transparent";
  const t = Math.sqrt(Math.min(1, value / max));
  // Accessed: light blue → deep indigo; throttled: light amber → deep red.
  const [from, to] = mode === "accessed" ? [[219, 234, 254], [49, 46, 129]] : [[254, 243, 199], [159, 18, 57]];
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return `rgb(${mix(from[0] ?? 0, to[0] ?? 0)}, ${mix(from[1] ?? 0, to[1] ?? 0)}, ${mix(from[2] ?? 0, to[2] ?? 0)})`;
}
