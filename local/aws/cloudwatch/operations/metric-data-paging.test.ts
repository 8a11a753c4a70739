import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageSeries, type Cursor, type QuerySeries } from "./metric-data-paging";

function series(lengths: number[], ascending: boolean): QuerySeries[] {
  return lengths.map((length, index) => {
    const points = Array.from({ length }, (_, minute) => ({ timestampMs: minute * 60_000, value: index * 1_000 + minute }));
    return { id: `q${index}`, label: `q${index}`, points: ascending ? points : points.reverse() };
  });
}

describe("pageSeries", () => {
  it("returns pages that together equal the unpaged answer, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (lengths, max, ascending) => {
        const all = series(lengths, ascending);
        const scanBy = ascending ? "TimestampAscending" : "TimestampDescending";
        const gathered = all.map(() => [] as number[]);
        let cursors: Cursor[] = all.map(() => null);
        for (let pages = 0; pages < 1_000; pages += 1) {
          const { page, next } = pageSeries(all, cursors, scanBy, max);
          expect(page.reduce((total, query) => total + query.points.length, 0)).toBeLessThanOrEqual(max);
          page.forEach((query, index) => gathered[index]?.push(...query.points.map((point) => point.value)));
          if (!next) {
            expect(page.every((query) => query.complete)).toBe(true);
            break;
          }
          expect(page.some((query) => !query.complete)).toBe(true);
          cursors = next;
        }
        expect(gathered).toEqual(all.map((query) => query.points.map((point) => point.value)));
      }),
    );
  });

  it("marks the query that was cut, and the ones not reached, as partial", () => {
    const { page, next } = pageSeries(series([3, 2, 0], true), [null, null, null], "TimestampAscending", 4);
    expect(page.map((query) => [query.points.length, query.complete])).toEqual([
      [3, true],
      [1, false],
      [0, true],
    ]);
    expect(next).toEqual(["done", 0, "done"]);
  });

  it("does not repeat or skip points when data arrives between pages", () => {
    const first = series([4], false);
    const { page, next } = pageSeries(first, [null], "TimestampDescending", 2);
    expect(page[0]?.points.map((point) => point.timestampMs)).toEqual([180_000, 120_000]);
    const grown: QuerySeries[] = [{ id: "q0", label: "q0", points: [{ timestampMs: 240_000, value: 9 }, ...(first[0]?.points ?? [])] }];
    const second = pageSeries(grown, next ?? [], "TimestampDescending", 10);
    expect(second.page[0]?.points.map((point) => point.timestampMs)).toEqual([60_000, 0]);
  });
});
