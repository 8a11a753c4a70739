import { describe, expect, it } from "vitest";
import { BUILT_IN_PRICE_TABLE } from "./price-table";
import { CostPricesUnavailableError, tableCost } from "./table-cost";
import { alternativeOf, costInput, costResource, DAY_START, DAY_WINDOW, repeat, spikyReads } from "./table-cost-fixtures";

const GIB = 2 ** 30;
// us-east-1 Standard: $0.125 / $0.625 per million request units, $0.00013 per RCU-hour, $0.00065 per WCU-hour, $0.25 per GB-month.
// One day's window: the month factor is exactly 30.

describe("tableCost: a steady 10 RCU / 5 WCU table provisioned at 100 / 50", () => {
  const response = tableCost(costInput([costResource(repeat(600), repeat(300), [100, 50])], { storageBytes: GIB }));

  it("states what it used: the window, the month factor, the prices and the consumption summed over the window", () => {
    expect(response.window).toEqual(DAY_WINDOW);
    expect(response.monthFactor).toBe(30);
    expect(response.prices).toMatchObject({ region: "us-east-1", tableClass: "STANDARD", onDemandReadPerMillion: 0.125, rcuHour: 0.00013, storageGbMonth: 0.25 });
    expect(response.consumed).toEqual({ readUnits: 600 * 1440, writeUnits: 300 * 1440 });
    expect(response.storage).toEqual({ bytes: GIB, gb: 1, approximate: true });
  });

  it("bills the current mode by the capacity it held, used or not", () => {
    // 100 RCU × 24 h × $0.00013 × 30 = $9.36; 50 WCU × 24 h × $0.00065 × 30 = $23.40; 1 GB × $0.25.
    expect(response.current.mode).toBe("provisioned");
    expect(response.current.monthlyUsd).toBeCloseTo(9.36 + 23.4 + 0.25, 9);
    expect(response.current.throttledRequests).toBe(0);
    expect(response.current.lines[0]?.formula).toContain("= $33.01");
    expect(response.current.lines.map((line) => line.formula).join("\n")).toContain("table reads: 2,400 RCU-hours");
  });

  it("prices on-demand exactly as the issue states it", () => {
    const onDemand = alternativeOf(response, "on-demand");
    expect(onDemand.throughputMonthlyUsd).toBe(((864_000 * 0.125 + 432_000 * 0.625) / 1e6) * 30);
    expect(onDemand.throughputMonthlyUsd).toBeCloseTo(11.34, 9);
    expect(onDemand.storageMonthlyUsd).toBe(0.25);
    expect(onDemand.monthlyUsd).toBeCloseTo(11.59, 9);
    expect(onDemand.throttledRequests).toBe(0);
  });

  it("sizes provisioned-peak at the busiest minute and auto scaling at 70%, neither throttling a steady load", () => {
    const peak = alternativeOf(response, "provisioned-peak");
    // 10 RCU × 24 × $0.00013 × 30 = $0.936; 5 WCU × 24 × $0.00065 × 30 = $2.34.
    expect(peak.throughputMonthlyUsd).toBeCloseTo(0.936 + 2.34, 9);
    expect(peak.throttledRequests).toBe(0);
    const scaled = alternativeOf(response, "autoscaling");
    // 10 / 0.7 → 15 RCU, 5 / 0.7 → 8 WCU, held all day: (15 × 24 × $0.00013 + 8 × 24 × $0.00065) × 30.
    expect(scaled.throughputMonthlyUsd).toBeCloseTo((15 * 24 * 0.00013 + 8 * 24 * 0.00065) * 30, 9);
    expect(scaled.throttledRequests).toBe(0);
    expect(scaled.notes.join(" ")).toContain("minimum of 1 and a maximum of 40,000");
  });

  it("reserves nothing for a table too small for a block of 100 to pay", () => {
    const reserved = alternativeOf(response, "reserved");
    expect(reserved.monthlyUsd).toBeCloseTo(alternativeOf(response, "autoscaling").monthlyUsd, 9);
    expect(reserved.notes[0]).toMatch(/^Reserve none/);
    expect(reserved.notes[1]).toMatch(/^Reserve none/);
  });

  it("compares Standard-IA with its break-even: here throughput dominates, so IA costs more", () => {
    // IA: 2,400 × $0.00016 × 30 + 1,200 × $0.00081 × 30 = $40.68, and 1 GB × $0.10. Extra $7.92, saving $0.15.
    expect(response.tableClass.current).toBe("STANDARD");
    expect(response.tableClass.standardMonthlyUsd).toBeCloseTo(33.01, 9);
    expect(response.tableClass.standardIaMonthlyUsd).toBeCloseTo(40.68 + 0.1, 9);
    // Break-even: $7.92 ÷ ($0.25 − $0.10) = 52.8 GB.
    expect(response.tableClass.breakEvenNote).toContain("above 52.8 GB at this traffic");
    expect(response.tableClass.breakEvenNote).toContain("Standard-IA would cost $7.77 a month more here.");
  });
});

describe("tableCost: a spiky table provisioned for its bursts", () => {
  const response = tableCost(costInput([costResource(spikyReads(), repeat(0), [1_000, 1])]));

  it("makes provisioned-peak as dear as the current capacity, and on-demand far cheaper with no throttling", () => {
    // 1,000 RCU × 24 × $0.00013 × 30 = $93.60, 1 WCU × 24 × $0.00065 × 30 = $0.468.
    expect(response.current.monthlyUsd).toBeCloseTo(94.068, 9);
    expect(alternativeOf(response, "provisioned-peak").monthlyUsd).toBeCloseTo(94.068, 9);
    // 24 × 60,000 reads × $0.125 ÷ 1e6 × 30.
    expect(alternativeOf(response, "on-demand").monthlyUsd).toBeCloseTo(5.4, 9);
    expect(alternativeOf(response, "on-demand").throttledRequests).toBe(0);
  });

  it("counts what auto scaling would throttle: a one-minute burst is over before the two-minute alarm fires", () => {
    const scaled = alternativeOf(response, "autoscaling");
    // Capacity stays at its minimum of 1 (60 a minute): each burst throttles 60,000 − 60.
    expect(scaled.throttledRequests).toBe(24 * 59_940);
    expect(scaled.monthlyUsd).toBeCloseTo((24 * 0.00013 + 24 * 0.00065) * 30, 9);
    expect(alternativeOf(response, "reserved").throttledRequests).toBe(24 * 59_940);
  });

  it("simulates auto scaling within the table's own bounds when it has auto scaling", () => {
    const bounded = costResource(spikyReads(), repeat(0), [1_000, 1], { scalingBounds: { read: { min: 1_000, max: 2_000 }, write: { min: 1, max: 10 } } });
    const response = tableCost(costInput([bounded], { autoScaling: true }));
    expect(response.current.mode).toBe("autoscaling");
    const scaled = alternativeOf(response, "autoscaling");
    // Held at its minimum of 1,000 RCU, which serves every burst: the same capacity as now.
    expect(scaled.throttledRequests).toBe(0);
    expect(scaled.monthlyUsd).toBeCloseTo(94.068, 9);
    expect(scaled.notes.join(" ")).toContain("current auto scaling minimum and maximum");
    // Without auto scaling now, the same bounds are not the table's: the defaults apply.
    expect(alternativeOf(tableCost(costInput([bounded])), "autoscaling").throttledRequests).toBe(24 * 59_940);
  });

  it("counts what a configured on-demand maximum would throttle", () => {
    const capped = tableCost(costInput([costResource(spikyReads(), repeat(0), null, { onDemandMaximum: { read: 500, write: null } })]));
    expect(capped.current.mode).toBe("on-demand");
    // 500 a second is 30,000 a minute: each burst has 30,000 above it.
    expect(capped.current.throttledRequests).toBe(24 * 30_000);
    expect(alternativeOf(capped, "on-demand").throttledRequests).toBe(24 * 30_000);
  });
});

describe("tableCost: reserved capacity, GSIs, table classes and errors", () => {
  it("reserves blocks of 100 up to the level the capacity holds long enough", () => {
    // 10,000 reads a second all day: auto scaling holds 10,000 / 0.7 → 14,286 RCU. A 1-year block costs
    // $30 ÷ 12 + $0.0025 × 720 = $4.30 a month and pays above 330.8 hours of use; block 143 covers 86 units all
    // month (619.2 hours), so 143 blocks: 143 × $4.30 = $614.90, nothing above them. Writes stay at 1 WCU: $0.468.
    const response = tableCost(costInput([costResource(repeat(600_000), repeat(0), null)]));
    const reserved = alternativeOf(response, "reserved");
    expect(reserved.notes[0]).toMatch(/^Reserve 143 × 100 RCU/);
    expect(reserved.notes[1]).toMatch(/^Reserve none/);
    expect(reserved.throughputMonthlyUsd).toBeCloseTo(143 * 4.3 + 0.468, 9);
    expect(alternativeOf(response, "autoscaling").throughputMonthlyUsd).toBeCloseTo(14_286 * 24 * 0.00013 * 30 + 0.468, 9);
  });

  it("says reserved capacity isn't available for Standard-IA, and prices (d) as (c)", () => {
    const response = tableCost(costInput([costResource(repeat(600_000), repeat(0), null)], { tableClass: "STANDARD_INFREQUENT_ACCESS" }));
    const reserved = alternativeOf(response, "reserved");
    expect(reserved.notes[0]).toContain("isn't available for the Standard-IA table class");
    expect(reserved.monthlyUsd).toBe(alternativeOf(response, "autoscaling").monthlyUsd);
    expect(response.prices.rcuHour).toBe(0.00016);
  });

  it("sums the table and its GSIs, and bills each one's capacity", () => {
    const table = costResource(repeat(600), repeat(300), [100, 50]);
    const byDay = costResource(repeat(60), repeat(300), [10, 10], { index: "byDay" });
    const response = tableCost(costInput([table, byDay]));
    expect(response.consumed).toEqual({ readUnits: 660 * 1440, writeUnits: 600 * 1440 });
    // The GSI adds 10 RCU and 10 WCU all day: (10 × 24 × $0.00013 + 10 × 24 × $0.00065) × 30.
    expect(response.current.monthlyUsd).toBeCloseTo(32.76 + (10 * 24 * 0.00013 + 10 * 24 * 0.00065) * 30, 9);
    expect(response.current.lines.map((line) => line.formula).join("\n")).toContain("GSI byDay writes: 240 WCU-hours");
  });

  it("gives an on-demand table's GSIs their own throughput and storage lines", () => {
    const table = costResource(repeat(600), repeat(0), null, { storageBytes: 3 * GIB });
    const byDay = costResource(repeat(0), repeat(100), null, { index: "byDay", storageBytes: GIB });
    const response = tableCost(costInput([table, byDay], { storageBytes: 4 * GIB }));
    const formulas = response.current.lines.map((line) => line.formula);
    // Table: 864,000 reads × $0.125 ÷ 1e6 × 30 = $3.24; GSI: 144,000 writes × $0.625 ÷ 1e6 × 30 = $2.70.
    expect(formulas).toContain("table: (864,000 read units × $0.125 per million + 0 write units × $0.625 per million) ÷ 1e6 × 30 (30 days ÷ 1 day) = $3.24");
    expect(formulas).toContain("GSI byDay: (0 read units × $0.125 per million + 144,000 write units × $0.625 per million) ÷ 1e6 × 30 (30 days ÷ 1 day) = $2.70");
    expect(formulas).toContain("GSI byDay storage: 1,073,741,824 bytes ÷ 2^30 = 1 GB × $0.25 per GB-month = $0.25");
    expect(response.current.monthlyUsd).toBeCloseTo(3.24 + 2.7 + 1, 9);
    expect(() => tableCost(costInput([table, byDay], { storageBytes: 5 * GIB }))).toThrow(/add up to 4294967296/);
  });

  it("treats an on-demand maximum of -1 (UpdateTable's way to remove it) as none", () => {
    const response = tableCost(costInput([costResource(spikyReads(), repeat(0), null, { onDemandMaximum: { read: -1, write: null } })]));
    expect(response.current.throttledRequests).toBe(0);
  });

  it("finds where Standard-IA pays: a large, quiet on-demand table", () => {
    // 864,000 reads: Standard $3.24, IA 864,000 × $0.155 ÷ 1e6 × 30 = $4.0176. 100 GB: $25 against $10.
    const response = tableCost(costInput([costResource(repeat(600), repeat(0), null)], { storageBytes: 100 * GIB }));
    expect(response.tableClass.standardMonthlyUsd).toBeCloseTo(3.24 + 25, 9);
    expect(response.tableClass.standardIaMonthlyUsd).toBeCloseTo(4.0176 + 10, 9);
    // Pays when storage ÷ throughput at Standard exceeds (1.24 − 1) ÷ (1 − 0.4) = 0.4; here 25 ÷ 3.24 = 7.716.
    // Break-even: $0.7776 ÷ $0.15 per GB = 5.184 GB.
    expect(response.tableClass.breakEvenNote).toContain("more than 0.4× the throughput at Standard prices (here 7.716×)");
    expect(response.tableClass.breakEvenNote).toContain("above 5.184 GB");
    expect(response.tableClass.breakEvenNote).toContain("Standard-IA would cost $14.22 a month less here.");
  });

  it("refuses a region the price table lacks, naming PRICES_FILE", () => {
    const run = () => tableCost(costInput([costResource(repeat(600), repeat(0), null)], { region: "ap-south-2" }));
    expect(run).toThrow(CostPricesUnavailableError);
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CostPricesUnavailableError);
      if (error instanceof CostPricesUnavailableError) {
        expect(error.message).toContain("ap-south-2");
        expect(error.hint).toContain("PRICES_FILE");
        expect(error.code).toBe("prices-unavailable");
      }
    }
    expect(BUILT_IN_PRICE_TABLE.regions.map((entry) => entry.region)).not.toContain("ap-south-2");
  });

  it("refuses series that don't cover the window, or a provisioned table without its capacity", () => {
    expect(() => tableCost(costInput([costResource(repeat(600, 10), repeat(0, 10), null)]))).toThrow(/10 minutes; the window has 1440/);
    const missing = costResource(repeat(600), repeat(0), null);
    expect(() => tableCost(costInput([missing], { billingMode: "PROVISIONED" }))).toThrow(/no provisioned capacity series/);
    const late = { ...missing, demand: { ...missing.demand, startMs: DAY_START + 60_000 } };
    expect(() => tableCost(costInput([late]))).toThrow(/not at the window's start/);
  });
});
