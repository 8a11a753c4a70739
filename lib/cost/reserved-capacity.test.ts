import { describe, expect, it } from "vitest";
import { BUILT_IN_PRICE_TABLE } from "./price-table";
import { classPricesFor } from "./prices-for";
import { chooseReservation, reservedBlockMonthly, reservedCost, reservedTermFor, type ReservedTerm } from "./reserved-capacity";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH = { start: 0, end: 30 * DAY }; // month factor 1
// us-east-1, 1 year, per 100 RCU: $30 upfront + $0.0025 an hour (LABS).
const RCU_1Y: ReservedTerm = { upfrontPer100: 30, hourlyPer100: 0.0025, termMonths: 12 };
const RCU_HOUR = 0.00013;
const hours = (count: number) => count * 60;

describe("reservedTermFor", () => {
  it("reads a class's reserved rates per unit and term", () => {
    const usEast1 = classPricesFor(BUILT_IN_PRICE_TABLE, "us-east-1", "STANDARD");
    const euWest1 = classPricesFor(BUILT_IN_PRICE_TABLE, "eu-west-1", "STANDARD");
    if (!usEast1 || !euWest1) throw new Error("built-in table lacks Standard prices");
    expect(reservedTermFor(usEast1, "oneYear", "RCU")).toEqual(RCU_1Y);
    expect(reservedTermFor(usEast1, "threeYear", "WCU")).toEqual({ upfrontPer100: 180, hourlyPer100: 0.0081, termMonths: 36 });
    expect(reservedTermFor(euWest1, "oneYear", "WCU")).toEqual({ upfrontPer100: 169.5, hourlyPer100: 0.0145, termMonths: 12 });
  });

  it("has none for Standard-IA, which AWS sells no reserved capacity for", () => {
    const ia = classPricesFor(BUILT_IN_PRICE_TABLE, "us-east-1", "STANDARD_INFREQUENT_ACCESS");
    if (!ia) throw new Error("built-in table lacks Standard-IA prices");
    expect(reservedTermFor(ia, "oneYear", "RCU")).toBeNull();
  });
});

describe("reservedCost", () => {
  it("is blocks × (upfront ÷ term months + hourly × 720) plus the capacity above the reservation at the standard rate", () => {
    // One block: $30 ÷ 12 + $0.0025 × 720 = $2.50 + $1.80 = $4.30 a month.
    expect(reservedBlockMonthly(RCU_1Y)).toBeCloseTo(4.3, 12);
    // 250 RCU for 400 h and 120 RCU for 320 h, 2 blocks (200 RCU) reserved:
    //   reservation 2 × $4.30 = $8.60; above 200: 50 RCU × 400 h = 20,000 RCU-hours × $0.00013 × 1 = $2.60; total $11.20
    const series = [
      { units: 250, minutes: hours(400) },
      { units: 120, minutes: hours(320) },
    ];
    const cost = reservedCost("RCU", 2, series, RCU_1Y, RCU_HOUR, MONTH);
    expect(cost.reservation.usd).toBeCloseTo(8.6, 10);
    expect(cost.overflow.usd).toBeCloseTo(2.6, 10);
    expect(cost.total.usd).toBeCloseTo(11.2, 10);
    expect(cost.reservation.formula).toBe("2 × 100 RCU reserved × ($30 upfront ÷ 12 months + $0.0025 per hour × 720 hours) = 2 × $4.30 = $8.60");
    expect(cost.overflow.formula).toBe(
      "20,000 RCU-hours above the 200 reserved (Σ max(0, RCU − 200) × minutes ÷ 60) × $0.00013 per RCU-hour × 1 (30 days ÷ 30 days) = $2.60",
    );
    expect(cost.total.formula).toBe("$8.60 reserved + $2.60 above the reservation = $11.20");
  });

  it("extrapolates only the part above the reservation with the month factor", () => {
    // 14 days at 300 RCU with 1 block: reservation $4.30 (monthly already);
    //   above: 200 RCU × 336 h = 67,200 RCU-hours × $0.00013 × 30/14 = $8.736 × 2.142857 = $18.72
    const cost = reservedCost("RCU", 1, [{ units: 300, minutes: hours(336) }], RCU_1Y, RCU_HOUR, { start: 0, end: 14 * DAY });
    expect(cost.reservation.usd).toBeCloseTo(4.3, 10);
    expect(cost.overflow.usd).toBeCloseTo(18.72, 10);
  });
});

describe("chooseReservation", () => {
  // 250 RCU for 400 h, 120 RCU for 320 h. Break-even: $4.30 ÷ (100 × $0.00013) = 330.77 full-block hours a month.
  //   block 1 (0–100):   in use all 720 h                          → pays ($9.36 of standard capacity > $4.30)
  //   block 2 (100–200): 100 × 400 h + 20 × 320 h = 46,400 RCU-h = 464 h  → pays ($6.03 > $4.30)
  //   block 3 (200–300): 50 × 400 h = 20,000 RCU-h = 200 h        → does not ($2.60 < $4.30)
  // Month costs: 0 blocks $17.99, 1 $12.93, 2 $11.20, 3 $12.90.
  const series = [
    { units: 250, minutes: hours(400) },
    { units: 120, minutes: hours(320) },
  ];

  it("reserves the blocks the series stays in long enough for the reserved rate to beat the standard one", () => {
    const choice = chooseReservation("RCU", series, RCU_1Y, RCU_HOUR, MONTH);
    expect(choice.blocks).toBe(2);
    expect(choice.breakEvenHours).toBeCloseTo(330.769230769, 8);
    expect(choice.explanation).toContain("block 2 is in use 464 hours a month, block 3 only 200 hours");
    expect(choice.explanation).toContain("what 100 RCU cost at $0.00013 per RCU-hour in 330.8 hours");
  });

  it("is the level with the lowest month cost", () => {
    const costs = [0, 1, 2, 3, 4].map((blocks) => reservedCost("RCU", blocks, series, RCU_1Y, RCU_HOUR, MONTH).total.usd);
    // 0: 138,400 RCU-h × $0.00013 = $17.992; 1: $4.30 + 66,400 × $0.00013 = $12.932; 2: $11.20; 3: $12.90; 4: $17.20
    expect(costs.map((usd) => Number(usd.toFixed(3)))).toEqual([17.992, 12.932, 11.2, 12.9, 17.2]);
    expect(costs.indexOf(Math.min(...costs))).toBe(2);
  });

  it("buys a block used just over break-even and not one used just under", () => {
    // A floor of 100 RCU all month, plus 100 more for 330 h (330 < 330.77: $4.29 < $4.30) or 331 h ($4.303 > $4.30).
    const withTop = (topHours: number) => [
      { units: 200, minutes: hours(topHours) },
      { units: 100, minutes: hours(720 - topHours) },
    ];
    expect(chooseReservation("RCU", withTop(330), RCU_1Y, RCU_HOUR, MONTH).blocks).toBe(1);
    expect(chooseReservation("RCU", withTop(331), RCU_1Y, RCU_HOUR, MONTH).blocks).toBe(2);
  });

  it("judges a block by its use extrapolated to a month", () => {
    // 14 days with 200 RCU for 160 h: the second block is in use 160 h × 30/14 = 342.86 h a month > 330.77 → reserve 2.
    // Over a 30-day window the same 160 h would be 160 h a month < 330.77 → reserve 1.
    const series14 = [
      { units: 200, minutes: hours(160) },
      { units: 100, minutes: hours(336 - 160) },
    ];
    expect(chooseReservation("RCU", series14, RCU_1Y, RCU_HOUR, { start: 0, end: 14 * DAY }).blocks).toBe(2);
    expect(chooseReservation("RCU", series14, RCU_1Y, RCU_HOUR, MONTH).blocks).toBe(1);
  });

  it("reserves nothing for an empty or idle series", () => {
    expect(chooseReservation("WCU", [], RCU_1Y, 0.00065, MONTH).blocks).toBe(0);
    const idle = chooseReservation("RCU", [{ units: 5, minutes: hours(720) }], RCU_1Y, RCU_HOUR, MONTH);
    // 5 RCU all month fill 5% of a block: 36 full-block hours < 330.77
    expect(idle.blocks).toBe(0);
    expect(idle.explanation).toMatch(/^Reserve none: .*the first block would be in use 36 hours a month\.$/);
  });
});
