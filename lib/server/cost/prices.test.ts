import { describe, expect, it } from "vitest";
import { EnvError } from "@/lib/env";
import { BUILT_IN_PRICE_TABLE } from "@/lib/cost/price-table";
import { classPricesFor, pricesFor } from "@/lib/cost/prices-for";
import { loadPriceTable } from "./prices";

const PATH = "/etc/lens/prices.json";
const load = (content: unknown) =>
  loadPriceTable(PATH, (path) => {
    expect(path).toBe(PATH);
    return typeof content === "string" ? content : JSON.stringify(content);
  });

const standard = { onDemandReadPerMillion: 0.1, onDemandWritePerMillion: 0.5, rcuHour: 0.0001, wcuHour: 0.0005, storageGbMonth: 0.2 };

describe("loadPriceTable", () => {
  it("is the built-in table without PRICES_FILE", () => {
    expect(loadPriceTable(undefined, () => {
      throw new Error("must not read");
    })).toBe(BUILT_IN_PRICE_TABLE);
  });

  it("overrides a built-in class with the file's, quoting plain numbers from the file as of its date", () => {
    const table = load({ date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: standard } }] });
    expect(table).toMatchObject({ date: "2026-11-01", from: PATH, freeStorageGbPerAccountRegion: 25 });
    const prices = classPricesFor(table, "us-east-1", "STANDARD");
    expect(prices?.rcuHour).toEqual({ usd: 0.0001, origin: { kind: "quoted", source: `PRICES_FILE ${PATH}`, date: "2026-11-01" } });
    // What the file writes is what is used: no `reserved`, so none, even though the built-in class has some.
    expect(prices?.reserved).toBeNull();
    expect(pricesFor(table, "us-east-1", "STANDARD")).toMatchObject({ onDemandReadPerMillion: 0.1, storageGbMonth: 0.2, date: "2026-11-01", derived: [] });
    // The class the file does not list, and the regions it does not name, stay built-in with their own dates.
    expect(classPricesFor(table, "us-east-1", "STANDARD_INFREQUENT_ACCESS")).toBe(classPricesFor(BUILT_IN_PRICE_TABLE, "us-east-1", "STANDARD_INFREQUENT_ACCESS"));
    expect(pricesFor(table, "eu-west-1", "STANDARD")).toEqual(pricesFor(BUILT_IN_PRICE_TABLE, "eu-west-1", "STANDARD"));
  });

  it("extends the table with a new region, keeping a figure's own origin when the file gives one", () => {
    const table = load({
      date: "2026-11-01",
      freeStorageGbPerAccountRegion: 0,
      regions: [
        {
          region: "eu-central-1",
          classes: {
            STANDARD: {
              ...standard,
              storageGbMonth: { usd: 0.306, origin: { kind: "quoted", source: "our AWS invoice", date: "2026-10" } },
              rcuHour: { usd: 0.0002, origin: { kind: "derived", rule: "list price × 0.9 (EDP)", source: "contract 42" } },
              reserved: { oneYear: { per100RcuUpfront: 36, per100RcuHour: 0.003, per100WcuUpfront: 180, per100WcuHour: 0.015 }, threeYear: null },
            },
          },
        },
      ],
    });
    expect(table.regions.map((entry) => entry.region)).toEqual(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"]);
    expect(table.freeStorageGbPerAccountRegion).toBe(0);
    const prices = classPricesFor(table, "eu-central-1", "STANDARD");
    expect(prices?.storageGbMonth.origin).toEqual({ kind: "quoted", source: "our AWS invoice", date: "2026-10" });
    // A derived figure without its own date takes the file's.
    expect(prices?.rcuHour.origin).toEqual({ kind: "derived", rule: "list price × 0.9 (EDP)", source: "contract 42", date: "2026-11-01" });
    expect(prices?.reserved?.oneYear?.per100WcuHour.usd).toBe(0.015);
    expect(prices?.reserved?.threeYear).toBeNull();
    const used = pricesFor(table, "eu-central-1", "STANDARD");
    expect(used?.derived).toEqual(["rcuHour: list price × 0.9 (EDP)"]);
    expect(used?.date).toBe("2026-10");
  });

  it.each([
    ["not JSON", "{date:", /PRICES_FILE \/etc\/lens\/prices.json is not JSON/],
    ["no date", { regions: [{ region: "us-east-1", classes: { STANDARD: standard } }] }, /PRICES_FILE \/etc\/lens\/prices.json: date /],
    ["a bad date", { date: "1 Nov 2026", regions: [{ region: "us-east-1", classes: { STANDARD: standard } }] }, /: date must be an ISO date/],
    ["no regions", { date: "2026-11-01", regions: [] }, /: regions must list at least one region/],
    ["a bad region", { date: "2026-11-01", regions: [{ region: "Frankfurt", classes: { STANDARD: standard } }] }, /: regions\.0\.region must look like an AWS region/],
    [
      "a region twice",
      { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: standard } }, { region: "us-east-1", classes: { STANDARD: standard } }] },
      /: regions lists a region twice/,
    ],
    ["no class", { date: "2026-11-01", regions: [{ region: "us-east-1", classes: {} }] }, /: regions\.0\.classes must list STANDARD or STANDARD_INFREQUENT_ACCESS/],
    ["an unknown class", { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { GLACIER: standard } }] }, /: regions\.0\.classes /],
    [
      "a missing figure",
      { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: { ...standard, wcuHour: undefined } } }] },
      /: regions\.0\.classes\.STANDARD\.wcuHour /,
    ],
    [
      "a negative price",
      { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: { ...standard, rcuHour: -1 } } }] },
      /: regions\.0\.classes\.STANDARD\.rcuHour must be 0 or more/,
    ],
    [
      "a price as text",
      { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: { ...standard, storageGbMonth: "0.25" } } }] },
      /: regions\.0\.classes\.STANDARD\.storageGbMonth must be a price in US dollars, or \{ usd, origin \}/,
    ],
    [
      "a misspelt field",
      { date: "2026-11-01", regions: [{ region: "us-east-1", classes: { STANDARD: { ...standard, rcuHours: 0.1 } } }] },
      /: regions\.0\.classes\.STANDARD Unrecognized key: "rcuHours"/,
    ],
    [
      "reserved capacity for Standard-IA",
      {
        date: "2026-11-01",
        regions: [
          {
            region: "us-east-1",
            classes: { STANDARD_INFREQUENT_ACCESS: { ...standard, reserved: { oneYear: { per100RcuUpfront: 1, per100RcuHour: 1, per100WcuUpfront: 1, per100WcuHour: 1 }, threeYear: null } } },
          },
        ],
      },
      /: regions\.0\.classes\.STANDARD_INFREQUENT_ACCESS\.reserved cannot be set: AWS sells reserved capacity for the Standard table class only/,
    ],
  ])("stops with a message naming the field for %s", (_case, content, message) => {
    expect(() => load(content)).toThrow(EnvError);
    expect(() => load(content)).toThrow(message);
  });

  it("says when the file cannot be read", () => {
    expect(() =>
      loadPriceTable("/nope.json", () => {
        throw new Error("ENOENT: no such file");
      }),
    ).toThrow(/PRICES_FILE \/nope.json could not be read \(ENOENT/);
  });
});
