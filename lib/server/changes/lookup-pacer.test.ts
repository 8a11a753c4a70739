import { describe, expect, it } from "vitest";
import { LookupPacer } from "./lookup-pacer";

describe("LookupPacer", () => {
  it("gives each lookup of a scope a slot at least 500 ms after the previous one, in call order, and other scopes their own", async () => {
    const clock = { now: 1_000 };
    const waits: Array<{ scope: string; ms: number }> = [];
    const order: string[] = [];
    let current = "";
    const pacer = new LookupPacer(500, () => clock.now, async (ms) => {
      waits.push({ scope: current, ms });
    });
    const call = (scope: string, name: string) => {
      current = scope;
      return pacer.run(scope, async () => {
        order.push(name);
        return name;
      });
    };
    const results = await Promise.all([call("a", "a1"), call("a", "a2"), call("b", "b1"), call("a", "a3")]);
    expect(results).toEqual(["a1", "a2", "b1", "a3"]);
    // a1 and b1 go at once; a2 and a3 wait for their slots.
    expect(waits).toEqual([
      { scope: "a", ms: 500 },
      { scope: "a", ms: 1_000 },
    ]);
    clock.now += 5_000;
    waits.length = 0;
    await call("a", "a4");
    // Long after the last slot: no wait.
    expect(waits).toEqual([]);
  });
});
