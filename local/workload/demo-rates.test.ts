import { describe, expect, it } from "vitest";
import { HOT_DEVICE_ID } from "../seed/session-and-event-items";
import { deployChangeAt } from "../stack/demo-deploy";
import { demoRates, HOT_DEVICE_WRITES, USUAL_ORDER_SHARE } from "./demo-rates";
import { demoRhythm, WEEKDAY_WEIGHT } from "./demo-rhythm";
import { approximateBytes, writeUnits } from "./intent";
import { demoTrafficModel } from "./traffic-model";

const HOUR = 3_600_000;
// Tuesday 1 December 2026, midnight UTC.
const TUESDAY = Date.UTC(2026, 11, 1);

describe("the demo's rhythm", () => {
  it("is 1 at 03:00 UTC every day and peaks at 15:00, highest on Tuesday, lowest at weekends", () => {
    for (let day = 0; day < 7; day++) expect(demoRhythm(TUESDAY + day * 24 * HOUR + 3 * HOUR)).toBeCloseTo(1, 10);
    const afternoons = Array.from({ length: 7 }, (_, day) => demoRhythm(TUESDAY + day * 24 * HOUR + 15 * HOUR));
    expect(afternoons[0]).toBeCloseTo(1.6, 10);
    expect(Math.max(...afternoons)).toBe(afternoons[0]);
    // Saturday and Sunday are the 5th and 6th days after Tuesday.
    expect(Math.min(...afternoons)).toBeCloseTo(1 + 0.6 * Math.min(...WEEKDAY_WEIGHT), 10);
    expect(afternoons[4]).toBe(afternoons[5]);
    expect(demoRhythm(TUESDAY + 15 * HOUR)).toBeGreaterThan(demoRhythm(TUESDAY + 10 * HOUR));
  });

  it("never goes below 1, and leaves the traffic that makes the demo's signals alone", () => {
    for (let hour = 0; hour < 7 * 24; hour++) {
      const at = TUESDAY + hour * HOUR;
      expect(demoRhythm(at)).toBeGreaterThanOrEqual(1);
      const rates = demoRates(60, at);
      expect(rates.shopCartWrites).toBe(25);
      expect(rates.eventHotDeviceWrites).toBe(HOT_DEVICE_WRITES);
      expect(demoRates(0, at).sessionWrites).toBe(15);
      expect(demoRates(0, at).shopOrders).toBe(20);
      // Sessions' steady writes stay under its 5 WCU; the steady orders above GSI1's 70% of 10 WCU.
      expect(rates.sessionWrites).toBeLessThan(5);
      expect(rates.shopOrders).toBeGreaterThanOrEqual(8);
    }
  });

  it("keeps the usual traffic's rhythm but without the sale and the bot", () => {
    const at = TUESDAY + 14 * HOUR;
    const today = demoRates(100, at);
    const usual = demoRates(100, at, "usual");
    expect(usual.shopProfileReads).toBe(today.shopProfileReads);
    expect(usual.sessionWrites).toBe(today.sessionWrites);
    expect(usual.shopOrders).toBeCloseTo(today.shopOrders * USUAL_ORDER_SHARE, 10);
    expect(usual).toMatchObject({ shopCartWrites: 2, hotCart: false, eventHotDeviceWrites: 0 });
  });
});

describe("the deploy's time in the history", () => {
  it("is 20 minutes in, or 10 minutes before the end of a shorter history, at least a minute in", () => {
    const start = Date.UTC(2026, 11, 3, 9, 0);
    expect(deployChangeAt(start, 3 * HOUR) - start).toBe(20 * 60_000);
    expect(deployChangeAt(start, 30 * 60_000) - start).toBe(20 * 60_000);
    expect(deployChangeAt(start, 20 * 60_000) - start).toBe(10 * 60_000);
    expect(deployChangeAt(start, 5 * 60_000) - start).toBe(60_000);
  });
});

describe("Events' chatty device", () => {
  it("writes about 14 one-WCU readings a second to its own partition, above the local 10 WCU/s per-key cap", () => {
    // The proxy's per-key cap is 1,000 WCU/s scaled by LOCAL_CAPACITY_SCALE (0.01 by default).
    const keyCap = 1_000 * 0.01;
    expect(HOT_DEVICE_WRITES).toBeGreaterThan(keyCap * 1.2);
    const model = demoTrafficModel(7);
    const seconds = 300;
    const start = Date.UTC(2026, 11, 1, 3);
    const readings = Array.from({ length: seconds }, (_, second) => model.intentsAt(second, start + second * 1000))
      .flat()
      .flatMap((intent) => (intent.operation === "PutItem" && intent.input.TableName === "Events" && intent.input.Item?.deviceId?.S === HOT_DEVICE_ID ? [intent.input.Item] : []));
    // Poisson with mean 14 a second over 300 seconds: the total is 4,200 ± 65 (one standard deviation); the device's
    // share of the spread-out readings (5 a second over 60 devices) adds about 25.
    expect(readings.length / seconds).toBeGreaterThan(13.3);
    expect(readings.length / seconds).toBeLessThan(15);
    for (const item of readings) expect(writeUnits(approximateBytes(item))).toBe(1);
    expect(new Set(readings.map((item) => item.ts?.N)).size).toBeGreaterThan(readings.length * 0.95);
  });
});
