import { describe, expect, it } from "vitest";
import {
  BYTES_PER_GB,
  capacityHours,
  monthFactor,
  monthFactorText,
  onDemandThroughput,
  perMinuteSeries,
  provisionedFixedCost,
  provisionedSeriesCost,
  storageCost,
  storageGb,
  sumCostLines,
} from "./cost-formulas";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const days = (count: number) => ({ start: 1_700_000_000_000, end: 1_700_000_000_000 + count * DAY });

describe("monthFactor", () => {
  it("is 30 days ÷ the window's length", () => {
    // 30 ÷ 14 = 2.142857…; 30 ÷ 30 = 1; 30 days ÷ 12 hours = 720 h ÷ 12 h = 60
    expect(monthFactor(days(14))).toBeCloseTo(2.142857142857, 12);
    expect(monthFactor(days(30))).toBe(1);
    expect(monthFactor({ start: 0, end: 12 * HOUR })).toBe(60);
    expect(monthFactorText(days(14))).toBe("2.1429 (30 days ÷ 14 days)");
    expect(monthFactorText(days(1))).toBe("30 (30 days ÷ 1 day)");
  });

  it("refuses a window that does not end after it starts", () => {
    expect(() => monthFactor({ start: 5, end: 5 })).toThrow(RangeError);
    expect(() => monthFactor({ start: 5, end: 4 })).toThrow(/must end after it starts/);
  });
});

describe("onDemandThroughput", () => {
  it("is (readUnits × read price + writeUnits × write price) / 1e6 × monthFactor, exactly as the issue states", () => {
    // (1,234,567 × 0.125 + 345,678 × 0.625) / 1e6 × 30/14
    //   = (154,320.875 + 216,048.75) / 1e6 × 2.142857… = 0.370369625 × 2.142857… = 0.79364919643
    const cost = onDemandThroughput({ readUnits: 1_234_567, writeUnits: 345_678 }, { onDemandReadPerMillion: 0.125, onDemandWritePerMillion: 0.625 }, days(14));
    expect(cost.total.usd).toBeCloseTo(0.79364919643, 10);
    expect(cost.total.usd).toBe(((1_234_567 * 0.125 + 345_678 * 0.625) / 1e6) * (30 / 14));
    // read: 154,320.875 / 1e6 × 2.142857… = 0.33068758929; write: 216,048.75 / 1e6 × 2.142857… = 0.46296160714
    expect(cost.read.usd).toBeCloseTo(0.33068758929, 10);
    expect(cost.write.usd).toBeCloseTo(0.46296160714, 10);
    expect(cost.total.formula).toBe(
      "(1,234,567 read units × $0.125 per million + 345,678 write units × $0.625 per million) ÷ 1e6 × 2.1429 (30 days ÷ 14 days) = $0.79",
    );
    expect(cost.read.formula).toBe("1,234,567 read units × $0.125 per million ÷ 1e6 × 2.1429 (30 days ÷ 14 days) = $0.33");
  });

  it("extrapolates a week to a month", () => {
    // (700,000,000 × 0.125 + 70,000,000 × 0.625) / 1e6 × 30/7 = (87.5 + 43.75) × 4.285714… = 131.25 × 30 / 7 = 562.50
    const cost = onDemandThroughput({ readUnits: 700_000_000, writeUnits: 70_000_000 }, { onDemandReadPerMillion: 0.125, onDemandWritePerMillion: 0.625 }, days(7));
    expect(cost.total.usd).toBeCloseTo(562.5, 9);
    expect(cost.total.formula).toMatch(/= \$562\.50$/);
    expect(cost.total.formula).toContain("4.2857 (30 days ÷ 7 days)");
  });
});

describe("provisioned throughput", () => {
  it("sums capacity-hours over a series, then × price × monthFactor", () => {
    // 100 RCU × 30 min + 200 RCU × 60 min + 50 RCU × 90 min = 50 + 200 + 75 = 325 RCU-hours over 180 minutes.
    // A 3-hour window: 720 h ÷ 3 h = 240. 325 × $0.00013 × 240 = $10.14
    const series = [
      { units: 100, minutes: 30 },
      { units: 200, minutes: 60 },
      { units: 50, minutes: 90 },
    ];
    expect(capacityHours(series)).toBe(325);
    const line = provisionedSeriesCost("RCU", series, 0.00013, { start: 0, end: 3 * HOUR });
    expect(line.usd).toBeCloseTo(10.14, 10);
    expect(line.formula).toBe("325 RCU-hours (Σ RCU × minutes ÷ 60 over 180 minutes) × $0.00013 per RCU-hour × 240 (30 days ÷ 0.125 days) = $10.14");
  });

  it("reads a per-minute series (a simulation's capacity) one minute a sample", () => {
    // 60 minutes at 10 WCU + 60 at 30 WCU = 10 + 30 = 40 WCU-hours; a 2-hour window: ×360. 40 × $0.00065 × 360 = $9.36
    const series = perMinuteSeries([...Array<number>(60).fill(10), ...Array<number>(60).fill(30)]);
    expect(series).toHaveLength(120);
    expect(capacityHours(series)).toBeCloseTo(40, 10);
    expect(provisionedSeriesCost("WCU", series, 0.00065, { start: 0, end: 2 * HOUR }).usd).toBeCloseTo(9.36, 10);
  });

  it("prices a fixed capacity for the whole month: units × 720 h × price", () => {
    // 100 RCU × 720 × $0.00013 = $9.36; 40 WCU × 720 × $0.00065 = $18.72
    expect(provisionedFixedCost("RCU", 100, 0.00013)).toEqual({ usd: 100 * 720 * 0.00013, formula: "100 RCU × 720 hours × $0.00013 per RCU-hour = $9.36" });
    expect(provisionedFixedCost("WCU", 40, 0.00065).usd).toBeCloseTo(18.72, 10);
  });
});

describe("storage", () => {
  it("bills binary gigabytes (2^30 bytes) × price per GB-month, with no month factor", () => {
    // 1,610,612,736 bytes = 1.5 × 1,073,741,824 → 1.5 GB × $0.25 = $0.375 (decimal GB would say 1.61 GB, $0.40)
    expect(BYTES_PER_GB).toBe(1_073_741_824);
    expect(storageGb(1_610_612_736)).toBe(1.5);
    expect(storageCost(1_610_612_736, 0.25)).toEqual({ usd: 0.375, formula: "1,610,612,736 bytes ÷ 2^30 = 1.5 GB × $0.25 per GB-month = $0.38" });
  });

  it("keeps a small table's figures readable instead of rounding them to zero", () => {
    // 12,288 bytes ÷ 2^30 = 0.000011444 GB × $0.25 = $0.00000286
    const line = storageCost(12_288, 0.25);
    expect(line.usd).toBeCloseTo(2.86102294921875e-6, 15);
    expect(line.formula).toBe("12,288 bytes ÷ 2^30 = 0.00001144 GB × $0.25 per GB-month = $0.0000029");
  });
});

describe("sumCostLines", () => {
  it("adds the parts exactly and shows each", () => {
    // $9.36 + $18.72 = $28.08
    const total = sumCostLines([
      { label: "read", line: provisionedFixedCost("RCU", 100, 0.00013) },
      { label: "write", line: provisionedFixedCost("WCU", 40, 0.00065) },
    ]);
    expect(total.usd).toBeCloseTo(28.08, 10);
    expect(total.formula).toBe("$9.36 read + $18.72 write = $28.08");
  });
});
