/**
 * The sources the built-in price table quotes, each with the date it took its prices. Client-safe; nothing here is
 * fetched: AWS's own pricing pages render their tables with JavaScript, so the stored copies we could read carry no
 * numbers, and the figures come from these dated copies of AWS's price list and rate cards instead. Each source
 * names a repository, path and commit, a page, or (where the code index did not name the repository) words and ids
 * that find the quote again.
 */

export type PriceSource = { source: string; date: string };

/** AWS Labs' reserved-capacity tool: a hand-kept rate card of provisioned, replicated and reserved rates per region. */
export const LABS: PriceSource = {
  source:
    "awslabs/amazon-dynamodb-tools reco/src/ddb_rc_reco/config.py @ b547464a9a3b7fb99249309d45a06ac6f607d802 " +
    "(last price edit 163f1fa, 2024-11-14; reserved rates last changed 28483cd, 2024-07-24)",
  date: "2024-11-20",
};

/** A price book quoting the us-east-1 offer file (AWS Price List) row by row. */
export const OCEL: PriceSource = {
  source: "ocelhq/ocel docs/research/price-book.md @ b3c9bd183e2819af60cff7865e8826228066fb89 (us-east-1 offer file rows, retrieved 2026-09-06)",
  date: "2026-09-06",
};

/** A test that parses an excerpt of the eu-west-1 offer file; it states only the offer's publication year. */
export const EU_TEST: PriceSource = {
  source:
    "a test parsing an excerpt of AWS's eu-west-1 price offer file, test_price_extraction_from_the_real_offer_excerpt on " +
    "tests/data/price_offer_eu_west_1_excerpt.json (offer publicationDate 2026, day not recorded; repository not named by the code index)",
  date: "2026",
};

/** An audit note quoting Price List API SKUs for eu-west-1. */
export const EU_AUDIT: PriceSource = {
  source:
    "an audit note quoting AWS Price List API SKUs J7FH9ZNSN6J2RR9Q (EU-ReadCapacityUnit-Hrs) and 36CGV8QUHJZG65HD (EU-WriteCapacityUnit-Hrs), verified 2025-08-28 (public code index file 53327580255)",
  date: "2025-08-28",
};

/** A test fixture holding the products the Price List API returned for us-east-1. */
export const FIXTURE: PriceSource = {
  source:
    "a test fixture of the products AWS's Price List API returned for us-east-1 on 2026-10-08 (ReadCapacityUnit-Hrs, IA-ReadCapacityUnit-Hrs, TimedStorage-ByteHrs ...; public code index file 71255211242)",
  date: "2026-10-08",
};

/** Pull requests citing AWS's November 2024 on-demand price cut with the new us-east-1 rates. */
export const PRS: PriceSource = {
  source: "https://github.com/awslabs/graphrag-toolkit/pull/439 (citing AWS's Nov 2024 price-cut announcement; us-east-1 on-demand rates)",
  date: "2026-07-30",
};

/** AWS's official China-region pricing page: Standard-IA provisioned throughput at ¥0.0725 against Standard's ¥0.058. */
export const CN_PAGE = "https://www.amazonaws.cn/en/dynamodb/pricing/ (Standard-IA throughput ¥0.0725 vs Standard ¥0.058 per 10 WCU: 1.25×)";

/** nOps' recommendation doc: "The saving is 60% of the storage cost minus 25% of the read and write cost". */
export const NOPS = "https://help.nops.io/inform/supported-recommendations/switch-dynamodb-table-to-standard-ia.md (IA: storage −60%, throughput +25%)";

/** AWS: reserved capacity applies to the Standard table class and provisioned mode only. */
export const RESERVED_DOC = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/reserved-capacity.html";

/**
 * The newest source date the built-in table relies on (FIXTURE, 2026-10-08): the day its prices were last taken.
 * Older figures keep their own dates in their origins.
 */
export const BUILT_IN_DATE = FIXTURE.date;
