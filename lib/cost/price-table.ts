import type { ClassPrices, PricedFigure, PriceTable, RegionPrices } from "./cost-types";
import { BUILT_IN_DATE, CN_PAGE, EU_AUDIT, EU_TEST, FIXTURE, LABS, NOPS, OCEL, PRS, type PriceSource } from "./price-sources";

/**
 * The built-in, dated DynamoDB price table (USD) for us-east-1, us-west-2 and eu-west-1, Standard and Standard-IA.
 * Client-safe and static: nothing is fetched at run time. Every figure says where it came from; the gaps the sources
 * leave are filled by stated rules ("derived"), never silently. PRICES_FILE overrides or extends it.
 */

// Sixteen significant digits would show binary noise (0.1415 × 1.25 = 0.17687499999999998); twelve are exact enough.
const exact = (value: number): number => Number(value.toPrecision(12));

const quoted = (usd: number, from: PriceSource, also?: string): PricedFigure => ({
  usd,
  origin: { kind: "quoted", source: also ? `${from.source}; agrees: ${also}` : from.source, date: from.date },
});

const derived = (usd: number, rule: string, from: PricedFigure | PriceSource, source: string): PricedFigure => ({
  usd: exact(usd),
  origin: { kind: "derived", rule, source, date: "origin" in from ? from.origin.date : from.date },
});

/** Reserved capacity per block of 100 units, as LABS lists it (`base` upfront $, `hour` $/hour). */
function labsReserved(rc1: [number, number, number, number], rc3: [number, number, number, number]): ClassPrices["reserved"] {
  const term = ([rcuUp, rcuHour, wcuUp, wcuHour]: [number, number, number, number], note: string) => ({
    per100RcuUpfront: quoted(rcuUp, { ...LABS, source: `${LABS.source}${note}` }),
    per100RcuHour: quoted(rcuHour, { ...LABS, source: `${LABS.source}${note}` }),
    per100WcuUpfront: quoted(wcuUp, { ...LABS, source: `${LABS.source}${note}` }),
    per100WcuHour: quoted(wcuHour, { ...LABS, source: `${LABS.source}${note}` }),
  });
  return {
    oneYear: term(rc1, " rc1"),
    // LABS is the only source for 3-year terms here; AWS sells them "in limited Regions", and the Price List API
    // published no 3-year SKU for us-east-2 in 2026-05, so the advisor should prefer the 1-year term when in doubt.
    threeYear: term(rc3, " rc3 (LABS only: no newer source confirms 3-year terms in this region)"),
  };
}

// ---- us-east-1: every figure quoted -------------------------------------------------------------------------
const usEast1Standard: ClassPrices = {
  onDemandReadPerMillion: quoted(0.125, OCEL, PRS.source),
  onDemandWritePerMillion: quoted(0.625, OCEL, PRS.source),
  rcuHour: quoted(0.00013, FIXTURE, LABS.source),
  wcuHour: quoted(0.00065, FIXTURE, LABS.source),
  // The first 25 GB-month per account and region is free (a band of the same usage type): see freeStorage below.
  storageGbMonth: quoted(0.25, OCEL, FIXTURE.source),
  reserved: labsReserved([30, 0.0025, 150, 0.0128], [36, 0.0016, 180, 0.0081]),
};

const usEast1StandardIa: ClassPrices = {
  onDemandReadPerMillion: quoted(0.155, OCEL),
  onDemandWritePerMillion: quoted(0.78, OCEL),
  rcuHour: quoted(0.00016, FIXTURE),
  wcuHour: quoted(0.00081, FIXTURE),
  storageGbMonth: quoted(0.1, OCEL, FIXTURE.source),
  // AWS: reserved capacity "can only be used with DynamoDB Standard table class" (RESERVED_DOC).
  reserved: null,
};

// ---- us-west-2: provisioned and reserved quoted; on-demand and storage assumed equal to us-east-1 -------------
const SAME_AS_US_EAST_1 =
  "assumed equal to us-east-1: no stored source quotes this us-west-2 rate, and every us-west-2 rate LABS lists " +
  "(RCU-, WCU-, rWCU-hour, 1- and 3-year reserved) equals us-east-1's";

const usWest2Standard: ClassPrices = {
  onDemandReadPerMillion: derived(0.125, `${SAME_AS_US_EAST_1} ($0.125)`, usEast1Standard.onDemandReadPerMillion, `${OCEL.source}; ${LABS.source}`),
  onDemandWritePerMillion: derived(0.625, `${SAME_AS_US_EAST_1} ($0.625)`, usEast1Standard.onDemandWritePerMillion, `${OCEL.source}; ${LABS.source}`),
  rcuHour: quoted(0.00013, LABS),
  wcuHour: quoted(0.00065, LABS),
  storageGbMonth: derived(
    0.25,
    `${SAME_AS_US_EAST_1} ($0.25); an undated price-list fixture (USW2-TimedStorage-ByteHrs, index file 58264111613) also says $0.25`,
    usEast1Standard.storageGbMonth,
    `${OCEL.source}; ${LABS.source}`,
  ),
  reserved: labsReserved([30, 0.0025, 150, 0.0128], [36, 0.0016, 180, 0.0081]),
};

const sameIa = (figure: PricedFigure, what: string): PricedFigure =>
  derived(figure.usd, `${SAME_AS_US_EAST_1}: us-east-1 Standard-IA ${what} ($${figure.usd})`, figure, `${figure.origin.source}; ${LABS.source}`);

const usWest2StandardIa: ClassPrices = {
  onDemandReadPerMillion: sameIa(usEast1StandardIa.onDemandReadPerMillion, "read request units per million"),
  onDemandWritePerMillion: sameIa(usEast1StandardIa.onDemandWritePerMillion, "write request units per million"),
  rcuHour: sameIa(usEast1StandardIa.rcuHour, "RCU-hour"),
  wcuHour: sameIa(usEast1StandardIa.wcuHour, "WCU-hour"),
  storageGbMonth: sameIa(usEast1StandardIa.storageGbMonth, "GB-month"),
  reserved: null,
};

// ---- eu-west-1: throughput quoted; storage scaled from us-east-1; Standard-IA by AWS's IA ratio ---------------
const euWest1RcuHour = quoted(0.000147, EU_AUDIT, `${EU_TEST.source}; ${LABS.source}`);
const euWest1WcuHour = quoted(0.000735, EU_AUDIT, `${EU_TEST.source}; ${LABS.source}`);
/** eu-west-1's price level against us-east-1's: 0.000735 ÷ 0.00065 (RCU-hours give the same 1.1308). */
const EU_WEST_1_RATIO = exact(euWest1WcuHour.usd / usEast1Standard.wcuHour.usd);

const euWest1Standard: ClassPrices = {
  onDemandReadPerMillion: quoted(0.1415, EU_TEST),
  onDemandWritePerMillion: quoted(0.705, EU_TEST),
  rcuHour: euWest1RcuHour,
  wcuHour: euWest1WcuHour,
  // AWS lists storage prices to a tenth of a cent, so the product is rounded likewise: 0.25 × 1.1308 = 0.2827 → 0.283.
  storageGbMonth: derived(
    Math.round(usEast1Standard.storageGbMonth.usd * EU_WEST_1_RATIO * 1000) / 1000,
    `no stored source quotes eu-west-1 storage: us-east-1's $0.25 × eu-west-1's price level (WCU-hour $0.000735 ÷ $0.00065 = ` +
      `${EU_WEST_1_RATIO.toFixed(4)}; its on-demand rates are 1.128–1.132× us-east-1's too) = $0.2827, rounded to a tenth of a cent ` +
      "as AWS lists storage; an undated blog quoting $0.283 per GB-month agrees",
    euWest1WcuHour,
    `${OCEL.source}; ${EU_AUDIT.source}`,
  ),
  reserved: labsReserved([33.9, 0.0029, 169.5, 0.0145], [40.68, 0.0018, 203.4, 0.0092]),
};

// AWS China's page prices Standard-IA throughput at exactly 1.25× Standard; nOps states IA storage 60% lower. The
// quoted us-east-1 pairs agree (0.78 ÷ 0.625 = 1.248, 0.00081 ÷ 0.00065 = 1.246; 0.10 ÷ 0.25 = 0.4).
const IA_SOURCE = `${CN_PAGE}; ${NOPS}`;
const iaThroughput = (standard: PricedFigure): PricedFigure =>
  derived(
    standard.usd * 1.25,
    `Standard-IA throughput = Standard × 1.25 ($${standard.usd} × 1.25); no stored source quotes it for eu-west-1`,
    standard,
    `${IA_SOURCE}; Standard price: ${standard.origin.source}`,
  );

const euWest1StandardIa: ClassPrices = {
  onDemandReadPerMillion: iaThroughput(euWest1Standard.onDemandReadPerMillion),
  onDemandWritePerMillion: iaThroughput(euWest1Standard.onDemandWritePerMillion),
  rcuHour: iaThroughput(euWest1Standard.rcuHour),
  wcuHour: iaThroughput(euWest1Standard.wcuHour),
  storageGbMonth: derived(
    euWest1Standard.storageGbMonth.usd * 0.4,
    `Standard-IA storage = Standard × 0.4 ($${euWest1Standard.storageGbMonth.usd} × 0.4, itself derived); no stored source quotes it for eu-west-1`,
    euWest1Standard.storageGbMonth,
    `${IA_SOURCE}; Standard price: ${euWest1Standard.storageGbMonth.origin.source}`,
  ),
  reserved: null,
};

const regions: RegionPrices[] = [
  { region: "us-east-1", classes: { STANDARD: usEast1Standard, STANDARD_INFREQUENT_ACCESS: usEast1StandardIa } },
  { region: "us-west-2", classes: { STANDARD: usWest2Standard, STANDARD_INFREQUENT_ACCESS: usWest2StandardIa } },
  { region: "eu-west-1", classes: { STANDARD: euWest1Standard, STANDARD_INFREQUENT_ACCESS: euWest1StandardIa } },
];

export const BUILT_IN_PRICE_TABLE: PriceTable = {
  // The newest source date relied on (the Price List fixture of 2026-10-08); each figure carries its own date.
  date: BUILT_IN_DATE,
  from: "built-in",
  // AWS: "The first 25 GB consumed per month is free"; the free tier "applies to all tables in a region". It is a band
  // of Standard storage (TimedStorage-ByteHrs); the Standard-IA usage type has no free band.
  freeStorageGbPerAccountRegion: 25,
  regions,
};
