import { describe, expect, it } from "vitest";
import type { ClassPrices, PricedFigure, TableClass } from "./cost-types";
import { BUILT_IN_PRICE_TABLE } from "./price-table";
import { classPricesFor, pricesFor } from "./prices-for";

const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"] as const;
const CLASSES: TableClass[] = ["STANDARD", "STANDARD_INFREQUENT_ACCESS"];

function classOf(region: string, tableClass: TableClass): ClassPrices {
  const prices = classPricesFor(BUILT_IN_PRICE_TABLE, region, tableClass);
  if (!prices) throw new Error(`no built-in prices for ${region} ${tableClass}`);
  return prices;
}

function allFigures(prices: ClassPrices): PricedFigure[] {
  const reserved = [prices.reserved?.oneYear, prices.reserved?.threeYear].flatMap((term) => (term ? Object.values(term) : []));
  return [prices.onDemandReadPerMillion, prices.onDemandWritePerMillion, prices.rcuHour, prices.wcuHour, prices.storageGbMonth, ...reserved];
}

describe("the built-in price table", () => {
  it("is dated with the newest source it relies on, and every figure carries an origin with a date no newer", () => {
    expect(BUILT_IN_PRICE_TABLE.from).toBe("built-in");
    expect(BUILT_IN_PRICE_TABLE.date).toBe("2026-10-08");
    const dates = REGIONS.flatMap((region) => CLASSES.flatMap((tableClass) => allFigures(classOf(region, tableClass)).map((figure) => figure.origin.date)));
    expect(dates.every((date) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) && date <= BUILT_IN_PRICE_TABLE.date)).toBe(true);
    expect([...dates].sort().at(-1)).toBe(BUILT_IN_PRICE_TABLE.date);
  });

  it("quotes us-east-1 whole, from the price-list copies", () => {
    const standard = classOf("us-east-1", "STANDARD");
    const ia = classOf("us-east-1", "STANDARD_INFREQUENT_ACCESS");
    expect([standard, ia].flatMap(allFigures).every((figure) => figure.origin.kind === "quoted")).toBe(true);
    expect(pricesFor(BUILT_IN_PRICE_TABLE, "us-east-1", "STANDARD")).toMatchObject({
      onDemandReadPerMillion: 0.125,
      onDemandWritePerMillion: 0.625,
      rcuHour: 0.00013,
      wcuHour: 0.00065,
      storageGbMonth: 0.25,
      derived: [],
    });
    expect(pricesFor(BUILT_IN_PRICE_TABLE, "us-east-1", "STANDARD_INFREQUENT_ACCESS")).toMatchObject({
      onDemandReadPerMillion: 0.155,
      onDemandWritePerMillion: 0.78,
      rcuHour: 0.00016,
      wcuHour: 0.00081,
      storageGbMonth: 0.1,
    });
    expect(standard.onDemandReadPerMillion.origin).toMatchObject({ kind: "quoted", date: "2026-09-06", source: expect.stringContaining("ocelhq/ocel") });
    expect(standard.rcuHour.origin).toMatchObject({ kind: "quoted", date: "2026-10-08" });
    expect(standard.reserved?.oneYear?.per100WcuUpfront).toMatchObject({ usd: 150, origin: { kind: "quoted", date: "2024-11-20" } });
    expect(standard.reserved?.oneYear?.per100WcuUpfront.origin.source).toContain("awslabs/amazon-dynamodb-tools");
  });

  it("labels us-west-2's on-demand and storage as assumed equal to us-east-1, and quotes its provisioned and reserved rates", () => {
    const standard = classOf("us-west-2", "STANDARD");
    expect(standard.onDemandReadPerMillion).toMatchObject({ usd: 0.125, origin: { kind: "derived", rule: expect.stringContaining("assumed equal to us-east-1") } });
    expect(standard.onDemandWritePerMillion).toMatchObject({ usd: 0.625, origin: { kind: "derived" } });
    expect(standard.storageGbMonth).toMatchObject({ usd: 0.25, origin: { kind: "derived" } });
    expect(standard.rcuHour).toMatchObject({ usd: 0.00013, origin: { kind: "quoted", source: expect.stringContaining("awslabs/amazon-dynamodb-tools") } });
    expect(standard.reserved?.threeYear?.per100RcuHour).toMatchObject({ usd: 0.0016, origin: { kind: "quoted", source: expect.stringContaining("LABS only") } });
    const ia = classOf("us-west-2", "STANDARD_INFREQUENT_ACCESS");
    expect(allFigures(ia).every((figure) => figure.origin.kind === "derived")).toBe(true);
    expect(ia.wcuHour.usd).toBe(0.00081);
  });

  it("quotes eu-west-1's throughput and derives its storage and its Standard-IA by stated rules", () => {
    const standard = classOf("eu-west-1", "STANDARD");
    expect(standard.onDemandReadPerMillion).toMatchObject({ usd: 0.1415, origin: { kind: "quoted", date: "2026" } });
    expect(standard.wcuHour).toMatchObject({ usd: 0.000735, origin: { kind: "quoted", date: "2025-08-28" } });
    // 0.25 × (0.000735 ÷ 0.00065 = 1.1308) = 0.2827, to a tenth of a cent: 0.283
    expect(standard.storageGbMonth).toMatchObject({ usd: 0.283, origin: { kind: "derived", rule: expect.stringContaining("1.1308") } });
    const ia = classOf("eu-west-1", "STANDARD_INFREQUENT_ACCESS");
    // Throughput × 1.25: 0.1415 → 0.176875, 0.705 → 0.88125, 0.000147 → 0.00018375, 0.000735 → 0.00091875; storage 0.283 × 0.4 = 0.1132
    expect(pricesFor(BUILT_IN_PRICE_TABLE, "eu-west-1", "STANDARD_INFREQUENT_ACCESS")).toMatchObject({
      onDemandReadPerMillion: 0.176875,
      onDemandWritePerMillion: 0.88125,
      rcuHour: 0.00018375,
      wcuHour: 0.00091875,
      storageGbMonth: 0.1132,
    });
    expect(ia.rcuHour.origin).toMatchObject({ kind: "derived", rule: expect.stringContaining("× 1.25"), source: expect.stringContaining("amazonaws.cn") });
    expect(ia.storageGbMonth.origin).toMatchObject({ kind: "derived", rule: expect.stringContaining("× 0.4"), source: expect.stringContaining("nops") });
  });

  it("sells reserved capacity for Standard only", () => {
    for (const region of REGIONS) {
      expect(classOf(region, "STANDARD").reserved?.oneYear).not.toBeNull();
      expect(classOf(region, "STANDARD_INFREQUENT_ACCESS").reserved).toBeNull();
    }
  });
});

describe("pricesFor", () => {
  it("states the flat prices, each figure's source with its date, the oldest date, and every derived figure's rule", () => {
    const used = pricesFor(BUILT_IN_PRICE_TABLE, "us-west-2", "STANDARD");
    expect(used).toMatchObject({ region: "us-west-2", tableClass: "STANDARD", rcuHour: 0.00013, date: "2024-11-20" });
    expect(used?.derived).toHaveLength(3);
    expect(used?.derived[0]).toMatch(/^onDemandReadPerMillion: assumed equal to us-east-1/);
    expect(used?.source).toMatch(/rcuHour, wcuHour: awslabs\/amazon-dynamodb-tools .* \(2024-11-20\)/);
  });

  it("is null for a region or class the table does not price", () => {
    expect(pricesFor(BUILT_IN_PRICE_TABLE, "ap-south-1", "STANDARD")).toBeNull();
    expect(pricesFor({ ...BUILT_IN_PRICE_TABLE, regions: [{ region: "us-east-1", classes: {} }] }, "us-east-1", "STANDARD")).toBeNull();
  });
});
