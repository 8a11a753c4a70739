import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as catchAllRoute from "@/app/api/[...path]/route";
import * as diagnosisOverviewRoute from "@/app/api/diagnosis/overview/route";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as metricsOverviewRoute from "@/app/api/metrics/overview/route";
import * as countRoute from "@/app/api/tables/[table]/count/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as exportRoute from "@/app/api/tables/[table]/export/route";
import * as insightsRoute from "@/app/api/tables/[table]/insights/route";
import * as itemRoute from "@/app/api/tables/[table]/item/route";
import * as itemsRoute from "@/app/api/tables/[table]/items/route";
import * as tableJobsRoute from "@/app/api/tables/[table]/jobs/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import * as partitionsRoute from "@/app/api/tables/[table]/partitions/route";
import * as tableRoute from "@/app/api/tables/[table]/route";
import * as scanRoute from "@/app/api/tables/[table]/scan/route";
import * as tablesRoute from "@/app/api/tables/route";
import { isErrorCode } from "@/lib/errors/app-error";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

/**
 * Every API route and method, driven with hostile values in every input it reads. Whatever arrives, the answer is a
 * 2xx or a 4xx; an error is exactly the JSON envelope and leaks nothing internal; and Object.prototype stays clean.
 */

// Overview routes list every exposed table: keep them to this file's tables, not those other files create meanwhile.
vi.stubEnv("TABLES", "it-hostile-*");
// A known cursor secret lets the test forge correctly signed cursors, to reach the checks behind the signature.
const CURSOR_SECRET = "it-hostile-cursor-secret-0123456789abcdef";
vi.stubEnv("CURSOR_SECRET", CURSOR_SECRET);

const S_TABLE = "it-hostile-S";
const N_TABLE = "it-hostile-N";
const B_TABLE = "it-hostile-B";
const TABLES = [S_TABLE, N_TABLE, B_TABLE] as const;
/** Fixed, so a run is reproducible (seeds 1 to 4 also pass; change it locally to explore other inputs). */
const SEED = 20_240_808;
const fixtures = fixtureClient();

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response> | Response;
type RouteModule<P> = Partial<Record<Method, Handler<P>>>;
/** How a route's dynamic segment arrives: the one segment value (tables, jobs), the rest of the path, or nothing. */
type Segment = { kind: "table" | "id" | "path" | "none" };

type RouteSpec = {
  name: string;
  segment: Segment["kind"];
  /** The URL of a request, from the (already encoded) segment; only for realism, handlers read params. */
  url: (segment: string) => string;
  call: (method: Method, request: Request, segment: string) => Promise<Response> | Response;
  methods: Method[];
  /** The query parameters the route reads; the hostile query draws from these (plus junk). */
  reads: readonly QueryName[];
  templates?: readonly Template[];
  runs: number;
};

/** The URL is only for realism (handlers read params), and a lone surrogate cannot be percent-encoded: replace it. */
function pathPart(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));
}

function exported<P>(module: RouteModule<P>): Method[] {
  return METHODS.filter((method) => typeof module[method] === "function");
}

function bind<P>(module: RouteModule<P>, params: (segment: string) => P): RouteSpec["call"] {
  return (method, request, segment) => {
    const handler = module[method];
    if (!handler) throw new Error(`${method} is not exported`);
    return handler(request, { params: Promise.resolve(params(segment)) });
  };
}

function tableRouteSpec(name: string, suffix: string, module: RouteModule<{ table: string }>, reads: readonly QueryName[], templates: keyof typeof TEMPLATES | null, runs = 40): RouteSpec {
  return {
    name,
    segment: "table",
    url: (segment) => `/api/tables/${pathPart(segment)}${suffix}`,
    call: bind(module, (table) => ({ table })),
    methods: exported(module),
    reads,
    templates: templates === null ? undefined : TEMPLATES[templates],
    runs,
  };
}

function fixedRouteSpec(name: string, path: string, module: RouteModule<Record<string, never>>, runs = 8): RouteSpec {
  return { name, segment: "none", url: () => path, call: bind(module, () => ({})), methods: exported(module), reads: ALL_PARAMS, runs };
}


// ---------------------------------------------------------------------------------------------------------------------
// Hostile values

/** Strings that have broken parsers somewhere: traversal, NUL, control characters, RTL, emoji, lone surrogates. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "%00",
  "a%00b",
  "\u0000it-hostile-S",
  "../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "..\\..\\windows\\win.ini",
  "/",
  "//",
  ".",
  "..",
  "\r\n\t\u0007\u001b[31m",
  "\u202Eevil\u202C",
  "\u200F\u05E9\u05DC\u05D5\u05DD",
  "😀🔥💥",
  "👨‍👩‍👧‍👦",
  "\uD800",
  "\uDFFF",
  "\uFEFF",
  "é",
  "e\u0301",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  "${jndi:ldap://x}",
  "{{constructor.constructor('alert(1)')()}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-Infinity",
  "true",
  "[]",
  "{}",
  "x".repeat(256),
  "x".repeat(5_000),
  "😀".repeat(3_000),
];

const nasty = fc.constantFrom(...NASTY_STRINGS);
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const hostileText = fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: anyText });

const tableName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<string>(S_TABLE, S_TABLE, S_TABLE, ...TABLES) },
  { weight: 1, arbitrary: fc.constantFrom("it-hostile-missing", "it-other-hidden", "abc", "a".repeat(255), "a".repeat(256), "ab") },
  { weight: 3, arbitrary: hostileText },
);
const indexName = fc.oneof(fc.constantFrom("ByG", "ByRank", "Missing", "byg", "a".repeat(256)), hostileText);

const NUMBERS = ["0", "-0", "1", "-1", "1.5", "1e999", "-1e999", "1e-999", "1".repeat(100), `0.${"1".repeat(100)}`, "NaN", "Infinity", "-Infinity", "0x10", "1_000", "+", "-", ".", "1e", "١٢٣", "12345678901234567890123456789012345678"];
const BASE64 = ["AA==", "AP8=", "AAA=", "A", "A=", "A===", "====", "!!!!", "AP8", "AP-_", "AP8=AP8=", Buffer.alloc(2_000, 7).toString("base64"), Buffer.alloc(1_100, 1).toString("base64")];
const keyValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("p", "q", "a1", "b", "a", "SPECIAL") },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS, ...BASE64) },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
);
const limitValue = fc.oneof(fc.constantFrom("1", "2", "0", "-1", "1000", "1001", "5000", "5001", "1.5", "1e3", "1e999", "NaN", "Infinity", "", " ", "0x10", "9".repeat(100)), fc.integer().map(String), hostileText);

// ---------------------------------------------------------------------------------------------------------------------
// Cursors: real ones (filled in beforeAll), damaged real ones, forged ones with a valid signature, and junk

const realCursors: string[] = [];
const sign = (body: string) => createHmac("sha256", CURSOR_SECRET).update(body).digest("base64url");
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
/** A cursor this server would accept the signature of, whatever its payload: it reaches the checks after the signature. */
const forged = (payloadJson: string) => {
  const body = base64url(payloadJson);
  return `${body}.${sign(body)}`;
};
const POLLUTING_PAYLOADS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"v":1,"s":"x","k":{"__proto__":{"S":"x"}},"__proto__":{"polluted":"yes"}}',
  '{"v":1,"s":"x","k":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"v":1,"s":"x","k":{"pk":{"S":"p"},"sk":{"S":"a1"},"__proto__":{"S":"p"}}}',
  '{"v":1,"s":["items","it-hostile-S",{}],"k":{"pk":{"L":[]}}}',
  '{"v":1,"s":"x","k":{"pk":{"N":"1e999"}}}',
  '{"v":2}',
  "[]",
  "null",
  '"str"',
  `{"v":1,"s":"x","k":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
];
const cursorValue = fc.oneof(
  // Chained, so the cursors beforeAll collected are read when values are drawn, not when this module loads.
  { weight: 3, arbitrary: fc.constant(null).chain(() => (realCursors.length > 0 ? fc.constantFrom(...realCursors) : fc.constant(""))) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(), fc.constantFrom("A", "_", "-", ".", "=", "%", "\u0000", "😀"))
      .map(([pick, at, char]) => {
        const real = realCursors[pick % Math.max(1, realCursors.length)] ?? "";
        const position = real.length === 0 ? 0 : at % real.length;
        return pick % 2 === 0 ? real.slice(0, position) : `${real.slice(0, position)}${char}${real.slice(position + 1)}`;
      }),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constantFrom(...POLLUTING_PAYLOADS),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      // A cursor of another scope, with the real table's attribute names: the scope check must refuse it.
      fc.tuple(hostileText, keyValue).map(([scope, value]) => JSON.stringify({ v: 1, s: scope, k: { pk: { S: value }, sk: { S: value } } })),
    ).chain((payload) => fc.constantFrom(forged(payload), `${base64url(payload)}.${base64url("bad-signature")}`, base64url(payload))),
  },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom("a.b.c", ".", "..", "x.", ".x", "x".repeat(9_000)) },
);

// ---------------------------------------------------------------------------------------------------------------------
// Item keys as DynamoDB JSON

const deep = (depth: number) => `{"pk":${'{"L":['.repeat(depth)}{"S":"x"}${"]}".repeat(depth)},"sk":{"S":"x"}}`;
const KEY_JSON = [
  '{"pk":{"S":"p"},"sk":{"S":"a1"}}',
  '{"pk":{"S":"SPECIAL"},"sk":{"S":"<script>alert(1)</script>"}}',
  '{"pk":{"N":"1"}}',
  '{"pk":{"B":"AP8="}}',
  '{"pk":{"N":"1e999"}}',
  `{"pk":{"N":"${"9".repeat(100)}"}}`,
  '{"pk":{"N":"NaN"}}',
  '{"pk":{"B":"!!!"}}',
  '{"pk":{"S":""},"sk":{"S":""}}',
  '{"pk":{"S":"p"},"sk":{"S":"a1"},"extra":{"S":"x"}}',
  '{"pk":{"S":"p","N":"1"},"sk":{"S":"a1"}}',
  '{"pk":{"SS":["p"]},"sk":{"S":"a1"}}',
  '{"pk":{"M":{"__proto__":{"S":"x"}}},"sk":{"S":"a1"}}',
  '{"pk":{"S":"p"},"sk":{"S":"a1"},"__proto__":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"S":"x"}}',
  '{"pk":{"__proto__":{"polluted":"yes"}},"sk":{"S":"a1"}}',
  '{"pk":{"S":{"S":"p"}},"sk":{"S":"a1"}}',
  '{"pk":{"S":1},"sk":{"S":null}}',
  '{"pk":"p","sk":"a1"}',
  `{"pk":{"L":[${Array.from({ length: 20_000 }, () => '{"NULL":true}').join(",")}]},"sk":{"S":"a1"}}`,
  `{"pk":{"S":"${"x".repeat(3_000)}"},"sk":{"S":"a1"}}`,
  deep(100),
  deep(10_000),
  "[".repeat(50_000),
  `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  "{",
  "{'pk':{'S':'p'}}",
  "null",
  "[]",
  "1",
  '"str"',
  "true",
  "",
  "\u0000",
];
const keyJson = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEY_JSON) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("S", "N", "B", "BOOL", "NULL", "L", "M", "__proto__"), keyValue, keyValue).map(([type, pk, sk]) => JSON.stringify({ pk: { [type]: pk }, sk: { [type]: sk } })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.object({ key: fc.constantFrom("pk", "sk", "__proto__", "constructor", "prototype", "S", "N"), maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: hostileText },
);

// ---------------------------------------------------------------------------------------------------------------------
// Metric windows

const now = Date.now();
const instant = fc.oneof(
  fc.constantFrom(String(now - 3_600_000), String(now - 600_000), String(now), String(now + 86_400_000), "0", "-1", "-3600000", "9".repeat(15), "9".repeat(16), "9".repeat(100), "1e999", "NaN", "Infinity"),
  fc.constantFrom(new Date(now - 7_200_000).toISOString(), "2025-01-31T14:00:00Z", "2025-02-30T25:61:61Z", "2025-01-31T14:00:00", "0000-00-00T00:00:00Z", "9999-12-31T23:59:59.999999999+14:00", "2025-01-31T14:00:00+99:99", "not-a-date", "2025-13-01"),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map((delta) => String(now + delta * 1000)),
  hostileText,
);
const rangeValue = fc.oneof(fc.constantFrom("15m", "1h", "3h", "12h", "1d", "3d", "1w", "2w", "", "0m", "-1h", "1y", "1H"), hostileText);

// ---------------------------------------------------------------------------------------------------------------------
// Query strings: a normal call of the route (a template), then a few hostile changes. Were every parameter hostile at
// once, nearly every request would stop at the first validation error and the deeper layers would never see an odd value.

type Param = { valid: fc.Arbitrary<string>; hostile: fc.Arbitrary<string> };
const realCursor = fc.constant(null).chain(() => (realCursors.length > 0 ? fc.constantFrom(...realCursors) : fc.constant("")));
const VALID_KEYS = KEY_JSON.slice(0, 4);

const QUERY_PARAMS = {
  index: { valid: fc.constantFrom("ByG", "ByRank"), hostile: indexName },
  pk: { valid: fc.constantFrom("p", "q", "SPECIAL", "a", "1", "AP8="), hostile: keyValue },
  skOp: { valid: fc.constantFrom("=", "<", "<=", ">", ">=", "between", "begins_with"), hostile: fc.oneof(fc.constantFrom("==", "BETWEEN", "!=", "begins_with "), hostileText) },
  sk: { valid: fc.constantFrom("a1", "a", "b", "1", "AP8="), hostile: keyValue },
  sk2: { valid: fc.constantFrom("b", "z", "9"), hostile: keyValue },
  order: { valid: fc.constantFrom("asc", "desc"), hostile: fc.oneof(fc.constantFrom("ASC", "random"), hostileText) },
  limit: { valid: fc.constantFrom("1", "2", "50"), hostile: limitValue },
  cursor: { valid: realCursor, hostile: cursorValue },
  filterAttr: { valid: fc.constantFrom("colour", "pk", "note"), hostile: fc.oneof(fc.constantFrom("#name", ":v", "a.b", "a[0]", "size", "__proto__", "constructor"), hostileText) },
  filterOp: { valid: fc.constantFrom("=", "<>", "begins_with", "contains", "attribute_exists", "attribute_not_exists"), hostile: fc.oneof(fc.constantFrom("exists", "size", "OR", "= :v OR 1=1"), hostileText) },
  filterValue: { valid: fc.constantFrom("red", "1", "true"), hostile: keyValue },
  filterType: { valid: fc.constantFrom("S", "N", "BOOL"), hostile: fc.oneof(fc.constantFrom("B", "NULL", "M", "s"), hostileText) },
  key: { valid: fc.constantFrom(...VALID_KEYS), hostile: keyJson },
  range: { valid: fc.constantFrom("15m", "1h", "3h", "12h", "1d", "3d", "1w", "2w"), hostile: rangeValue },
  start: { valid: fc.constantFrom(String(now - 3_600_000), new Date(now - 7_200_000).toISOString()), hostile: instant },
  end: { valid: fc.constantFrom(String(now - 60_000), new Date(now).toISOString()), hostile: instant },
  source: { valid: fc.constantFrom("query", "scan"), hostile: fc.oneof(fc.constantFrom("table", "QUERY"), hostileText) },
  format: { valid: fc.constantFrom("jsonl", "csv"), hostile: fc.oneof(fc.constantFrom("json", "xml", "CSV", "../csv"), hostileText) },
  maxItems: { valid: fc.constantFrom("1", "10"), hostile: limitValue },
  maxRcu: { valid: fc.constantFrom("0.5", "1", "100"), hostile: fc.oneof(fc.constantFrom("0.4", "0", "-1", "1e308", "1e999", "NaN", "Infinity"), limitValue) },
  kind: { valid: fc.constantFrom("size-audit", "key-sample"), hostile: fc.oneof(fc.constantFrom("__proto__", "constructor", "SIZE-AUDIT"), hostileText) },
} satisfies Record<string, Param>;
type QueryName = keyof typeof QUERY_PARAMS;
const ALL_PARAMS = Object.keys(QUERY_PARAMS) as QueryName[];
const ITEM_PARAMS: readonly QueryName[] = ["index", "pk", "skOp", "sk", "sk2", "order", "limit", "cursor", "filterAttr", "filterOp", "filterValue", "filterType"];
const EXPORT_PARAMS: readonly QueryName[] = [...ITEM_PARAMS, "source", "format", "maxItems", "maxRcu"];
const WINDOW_PARAMS: readonly QueryName[] = ["range", "start", "end", "index"];

const junkName = fc.oneof(fc.constantFrom<string>("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "polluted", "", ...ALL_PARAMS), hostileText);

/** Stands for "a real cursor" in a template; replaced when values are drawn. */
const REAL_CURSOR = "<real cursor>";
type Template = Readonly<Partial<Record<QueryName, string>>>;
const ITEM_TEMPLATES: readonly Template[] = [
  { pk: "p" },
  { pk: "p", skOp: "begins_with", sk: "a" },
  { pk: "p", skOp: "between", sk: "a", sk2: "b", order: "desc" },
  { pk: "p", limit: "1", cursor: REAL_CURSOR },
  { index: "ByG", pk: "a", order: "desc", limit: "1" },
  { index: "ByRank", pk: "p", skOp: ">", sk: "1" },
  { pk: "p", filterAttr: "colour", filterOp: "=", filterValue: "red" },
  { pk: "p", filterAttr: "rank", filterOp: ">", filterValue: "1", filterType: "N" },
  { pk: "SPECIAL", filterAttr: "note", filterOp: "attribute_exists" },
  { pk: "1" },
  { pk: "AP8=" },
];
const SCAN_TEMPLATES: readonly Template[] = [{}, { limit: "1" }, { limit: "1", cursor: REAL_CURSOR }, { index: "ByG" }, { filterAttr: "colour", filterOp: "begins_with", filterValue: "r" }];
/** What a route is normally called with; the property then damages it a little, so most requests get past the first check. */
const TEMPLATES: Partial<Record<string, readonly Template[]>> = {
  items: ITEM_TEMPLATES,
  count: ITEM_TEMPLATES,
  scan: SCAN_TEMPLATES,
  export: [...ITEM_TEMPLATES, ...SCAN_TEMPLATES.map((template) => ({ ...template, source: "scan" })), { pk: "p", format: "csv", maxItems: "1" }, { source: "scan", format: "csv", maxRcu: "0.5" }],
  partitions: [{}, { limit: "1" }, { index: "ByG" }, { limit: "1", cursor: REAL_CURSOR }],
  item: VALID_KEYS.map((key) => ({ key })),
  window: [{}, { range: "1h" }, { range: "2w" }, { start: String(now - 3_600_000) }, { start: String(now - 7_200_000), end: String(now - 60_000) }, { index: "ByG" }],
  jobs: [{ kind: "size-audit" }, { kind: "key-sample" }],
};

/** One change to a query: a hostile value for a parameter, a repeat of it, its removal, or a junk parameter. */
type Mutation = { op: "set" | "append"; name: string; value: string } | { op: "delete"; name: string };

function mutationFor(names: readonly QueryName[]): fc.Arbitrary<Mutation> {
  const named = fc.constantFrom(...names);
  return fc.oneof(
    { weight: 4, arbitrary: named.chain((name) => fc.oneof(QUERY_PARAMS[name].hostile, QUERY_PARAMS[name].valid).map((value): Mutation => ({ op: "set", name, value }))) },
    { weight: 1, arbitrary: named.chain((name) => QUERY_PARAMS[name].hostile.map((value): Mutation => ({ op: "append", name, value }))) },
    { weight: 1, arbitrary: named.map((name): Mutation => ({ op: "delete", name })) },
    { weight: 1, arbitrary: fc.tuple(junkName, hostileText).map(([name, value]): Mutation => ({ op: "append", name, value })) },
  );
}

/** A query string over the parameters a route reads: a normal call with up to three hostile changes. */
function queryFor(names: readonly QueryName[], templates: readonly Template[] = [{}]): fc.Arbitrary<string> {
  const template = fc.constantFrom(...templates).chain((chosen) => (chosen.cursor === REAL_CURSOR ? realCursor.map((cursor) => ({ ...chosen, cursor })) : fc.constant(chosen)));
  return fc.tuple(template, fc.array(mutationFor(names), { maxLength: 3 })).map(([base, mutations]) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(base)) search.append(name, value);
    for (const mutation of mutations) {
      if (mutation.op === "set") search.set(mutation.name, mutation.value);
      else if (mutation.op === "append") search.append(mutation.name, mutation.value);
      else search.delete(mutation.name);
    }
    return search.toString();
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Job bodies and ids

const numberish = fc.oneof(
  fc.constantFrom<unknown>(1, 0, -1, 16, 17, 1.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, "1", "", "NaN", null, true, [], {}, [1]),
  fc.double(),
  fc.integer(),
);
const field = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
  fc.option(fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: hostile }), { freq: 10, nil: undefined });
/** A job request that is mostly right: each field is usually valid, sometimes hostile, sometimes missing. */
const jobObject = fc
  .record({
    kind: field(fc.constantFrom("size-audit", "key-sample"), fc.oneof(fc.constantFrom<unknown>("SIZE-AUDIT", "", null, 1, ["size-audit"], { kind: "size-audit" }), hostileText)),
    mode: field(fc.constantFrom("full"), fc.oneof(fc.constantFrom<unknown>("sample", "partial", "", null, 0), hostileText)),
    rcuBudget: field(fc.constantFrom(10, 1, 1_000_000), numberish),
    rcuPerSecond: field(fc.constantFrom(5, 1, 10_000), numberish),
    segments: field(fc.constantFrom(1, 2, 16), numberish),
    extra: fc.option(
      fc.oneof(
        fc.record({ sampleSize: numberish }),
        fc.record({ thresholdBytes: numberish }),
        fc.record({ index: fc.oneof(indexName, fc.constantFrom<unknown>(null, 1, [])) }),
        fc.record({ acknowledgeRecentThrottling: fc.constantFrom<unknown>(true, false, "true", 1, null) }),
        fc.record({ junk: fc.anything({ maxDepth: 3 }) }),
      ),
      { freq: 2, nil: undefined },
    ),
  })
  .map(({ extra, ...fields }) => {
    const body: Record<string, unknown> = {};
    for (const [name, value] of Object.entries({ ...fields, ...extra })) if (value !== undefined) body[name] = value;
    return body;
  });
/** Raw JSON text, since `__proto__` as a literal key only survives in text (an object literal would set the prototype). */
const JOB_TEXTS = [
  '{"kind":"size-audit","mode":"sample","sampleSize":5,"rcuBudget":10,"rcuPerSecond":5,"segments":1}',
  '{"kind":"key-sample","mode":"full","rcuBudget":10,"segments":1}',
  '{"kind":"size-audit","mode":"full","rcuBudget":10,"rcuPerSecond":5,"segments":1,"__proto__":{"polluted":"yes"}}',
  '{"__proto__":{"polluted":"yes"},"kind":"key-sample","mode":"full","rcuBudget":10,"segments":1}',
  '{"constructor":{"prototype":{"polluted":"yes"}},"kind":"size-audit"}',
  '{"kind":"size-audit","mode":"sample","sampleSize":1e999,"rcuBudget":-1e999,"rcuPerSecond":1e-999,"segments":1e2}',
  `{"kind":"size-audit","mode":"sample","sampleSize":${"9".repeat(400)},"rcuBudget":10,"rcuPerSecond":5,"segments":1}`,
  '{"kind":"size-audit","mode":"sample","sampleSize":"5","rcuBudget":"10","rcuPerSecond":"5","segments":"1"}',
  '{"kind":"key-sample","mode":"full","rcuBudget":10,"segments":1,"index":"../../x"}',
  `{"kind":"size-audit","junk":${"[".repeat(1_000)}${"]".repeat(1_000)}}`,
  `${"[".repeat(3_000)}`,
  `{"kind":"size-audit","pad":"${"x".repeat(5_000)}"}`,
  '[{"kind":"size-audit"}]',
  "[]",
  "null",
  "1e999",
  '"size-audit"',
  "",
  "{",
  "{'kind':'size-audit'}",
  "\u0000",
  "kind=size-audit&mode=full",
];
const jobBody = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...JOB_TEXTS) },
  { weight: 5, arbitrary: jobObject.map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: hostileText },
);
const body = fc.option(jobBody, { freq: 4, nil: undefined });

const realJobIds: string[] = [];
const jobId = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null).chain(() => (realJobIds.length > 0 ? fc.constantFrom(...realJobIds) : fc.uuid())) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "1", "-1", "null") },
  { weight: 2, arbitrary: hostileText },
);

const unknownPath = fc.oneof(
  fc.constantFrom("nope", "tables/x/nope", "tables/x/items/extra", "jobs", "jobs/x/y", "__proto__", "constructor/prototype", "../../etc/passwd", "%00", "a/%2e%2e/b", ""),
  fc.array(hostileText, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/")),
);

function segmentArbitrary(kind: Segment["kind"]): fc.Arbitrary<string> {
  if (kind === "table") return tableName;
  if (kind === "id") return jobId;
  if (kind === "path") return unknownPath;
  return fc.constant("");
}

// ---------------------------------------------------------------------------------------------------------------------
// Every route file under app/api, with the query parameters it reads

const ROUTES: RouteSpec[] = [
  fixedRouteSpec("/api/tables", "/api/tables", tablesRoute),
  fixedRouteSpec("/api/metrics/overview", "/api/metrics/overview", metricsOverviewRoute),
  fixedRouteSpec("/api/diagnosis/overview", "/api/diagnosis/overview", diagnosisOverviewRoute),
  tableRouteSpec("/api/tables/:table", "", tableRoute, ALL_PARAMS, null),
  tableRouteSpec("/api/tables/:table/items", "/items", itemsRoute, ITEM_PARAMS, "items", 80),
  tableRouteSpec("/api/tables/:table/scan", "/scan", scanRoute, ITEM_PARAMS, "scan", 60),
  tableRouteSpec("/api/tables/:table/partitions", "/partitions", partitionsRoute, ["index", "limit", "cursor"], "partitions", 60),
  tableRouteSpec("/api/tables/:table/count", "/count", countRoute, ITEM_PARAMS, "count", 60),
  tableRouteSpec("/api/tables/:table/export", "/export", exportRoute, EXPORT_PARAMS, "export", 60),
  tableRouteSpec("/api/tables/:table/item", "/item", itemRoute, ["key"], "item", 80),
  tableRouteSpec("/api/tables/:table/metrics", "/metrics", metricsRoute, WINDOW_PARAMS, "window"),
  tableRouteSpec("/api/tables/:table/insights", "/insights", insightsRoute, WINDOW_PARAMS, "window"),
  tableRouteSpec("/api/tables/:table/diagnosis", "/diagnosis", diagnosisRoute, WINDOW_PARAMS, "window"),
  tableRouteSpec("/api/tables/:table/jobs", "/jobs", tableJobsRoute, ["kind"], "jobs", 80),
  {
    name: "/api/jobs/:id",
    segment: "id",
    url: (id) => `/api/jobs/${pathPart(id)}`,
    call: bind(jobRoute, (id) => ({ id })),
    methods: exported(jobRoute),
    reads: ALL_PARAMS,
    runs: 40,
  },
  {
    name: "/api/[...path] (unknown paths)",
    segment: "path",
    url: (path) => `/api/${path.split("/").map(pathPart).join("/")}`,
    call: bind(catchAllRoute, (path) => ({ path: path.split("/") })),
    methods: exported(catchAllRoute),
    reads: ALL_PARAMS,
    runs: 15,
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// The oracle

/** Signs of internal detail: stack frames, source paths, error class names, serialised objects. */
const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ["a stack frame", /\n\s+at |\bat [\w.<>]+ \(/],
  ["a source path", /(?:[\w.-]+\/)+[\w.-]+\.(?:[cm]?[jt]sx?)\b|node_modules|webpack:|file:\/\//],
  ["an error class", /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|ZodError|AppError|KeyInputError|UnknownIndexError|ReadOnlyViolationError|[A-Z]\w+Exception)\b/],
  ["a serialised object", /\[object \w+\]/],
];

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function assertPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted, "Object.prototype.polluted").toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain("polluted");
}

const startedJobs = new Set<string>();

async function send(route: RouteSpec, method: Method, segment: string, search: string, payload: string | undefined): Promise<void> {
  const url = `http://localhost${route.url(segment)}${search ? `?${search}` : ""}`;
  const hasBody = payload !== undefined && method !== "GET";
  const request = new Request(url, { method, ...(hasBody ? { body: payload, headers: { "Content-Type": "application/json" } } : {}) });
  const response = await route.call(method, request, segment);
  // Read the whole body, so an export that fails after its headers shows here too.
  const text = await response.text();
  const context = `${method} ${route.name} → ${response.status}: ${text.slice(0, 500)}`;

  expect(response.status, context).toBeGreaterThanOrEqual(200);
  expect(response.status, context).toBeLessThan(500);
  expect(response.status >= 300 && response.status < 400, context).toBe(false);
  if (response.status >= 400) {
    let envelope: unknown;
    expect(() => (envelope = JSON.parse(text)), context).not.toThrow();
    expect(envelope, context).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    const { code, message } = (envelope as { error: { code: string; message: string } }).error;
    expect(isErrorCode(code), context).toBe(true);
    expect(message.length, context).toBeGreaterThan(0);
    for (const [what, pattern] of LEAKS) expect(pattern.test(message), `${context}\nleaks ${what}`).toBe(false);
  } else if (method === "POST" && route.segment === "table" && response.status === 202) {
    startedJobs.add((JSON.parse(text) as { id: string }).id);
  }
  assertPrototypeClean();
}

// ---------------------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: S_TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "g", AttributeType: "S" },
        { AttributeName: "rank", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [{ IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }, { AttributeName: "rank", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
      LocalSecondaryIndexes: [{ IndexName: "ByRank", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "rank", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
    },
    { TableName: N_TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "N" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
    { TableName: B_TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "B" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
  await putAll(fixtures, S_TABLE, [
    { pk: { S: "p" }, sk: { S: "a1" }, g: { S: "a" }, rank: { N: "1" }, colour: { S: "red" } },
    { pk: { S: "p" }, sk: { S: "a2" }, g: { S: "a" }, rank: { N: "2" }, colour: { S: "blue" } },
    { pk: { S: "q" }, sk: { S: "b" }, g: { S: "b" }, rank: { N: "3" } },
    { pk: { S: "SPECIAL" }, sk: { S: "<script>alert(1)</script>" }, note: { S: '"><img src=x onerror=alert(1)>' }, ["__proto__"]: { M: { polluted: { S: "yes" } } } },
  ]);
  await putAll(fixtures, N_TABLE, [{ pk: { N: "1" } }, { pk: { N: "12345678901234567890123456789012345678" } }]);
  await putAll(fixtures, B_TABLE, [{ pk: { B: Uint8Array.from([0, 255]) } }, { pk: { B: Uint8Array.from([1]) } }]);

  // Real cursors to truncate and alter: limit=1 leaves a LastEvaluatedKey on every seeded table.
  const reads: Array<[RouteModule<{ table: string }>, string, string]> = [
    [itemsRoute, S_TABLE, "pk=p&limit=1"],
    [itemsRoute, S_TABLE, "index=ByG&pk=a&limit=1"],
    [scanRoute, S_TABLE, "limit=1"],
    [scanRoute, N_TABLE, "limit=1"],
    [scanRoute, B_TABLE, "limit=1"],
    [partitionsRoute, S_TABLE, "limit=1"],
  ];
  for (const [module, table, search] of reads) {
    const response = await bind(module, () => ({ table }))("GET", new Request(`http://localhost/api/tables/${table}?${search}`), table);
    const page = (await response.json()) as { nextCursor?: string | null };
    expect(page.nextCursor, `${table}?${search}`).toEqual(expect.any(String));
    if (page.nextCursor) realCursors.push(page.nextCursor);
  }

  // A real job id, for GET and DELETE /api/jobs/:id.
  const started = await bind(tableJobsRoute, () => ({ table: S_TABLE }))(
    "POST",
    new Request(`http://localhost/api/tables/${S_TABLE}/jobs`, { method: "POST", body: JOB_TEXTS[0] }),
    S_TABLE,
  );
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  realJobIds.push(id);
  startedJobs.add(id);
});

afterAll(async () => {
  // Cancel whatever the fuzzing started, so no job outlives the file.
  for (const id of startedJobs) await jobRoute.DELETE(new Request(`http://localhost/api/jobs/${id}`, { method: "DELETE" }), { params: Promise.resolve({ id }) });
  fixtures.destroy();
  vi.unstubAllEnvs();
});

describe("hostile input to every API route", () => {
  it("covers every route file and every method it exports", () => {
    expect(ROUTES.map((route) => route.methods.length)).toEqual(ROUTES.map(() => 5));
  });

  // Every hand-written payload once, deterministically: the property draws from these lists but need not draw them all.
  const byName = (name: string): RouteSpec => {
    const route = ROUTES.find((candidate) => candidate.name === name);
    if (!route) throw new Error(`no route ${name}`);
    return route;
  };
  it("every listed key JSON, on the item route of each key type", async () => {
    for (const table of TABLES) for (const key of KEY_JSON) await send(byName("/api/tables/:table/item"), "GET", table, new URLSearchParams({ key }).toString(), undefined);
  });
  it("every listed job body, on the start-job route", async () => {
    for (const text of JOB_TEXTS) await send(byName("/api/tables/:table/jobs"), "POST", S_TABLE, "", text);
  });
  it("every listed cursor payload, forged with a valid signature and not, on every paging route", async () => {
    const cursors = POLLUTING_PAYLOADS.flatMap((payload) => [forged(payload), `${base64url(payload)}.x`]);
    for (const name of ["items", "scan", "count", "export", "partitions"]) {
      for (const cursor of cursors) await send(byName(`/api/tables/:table/${name}`), "GET", S_TABLE, new URLSearchParams({ pk: "p", cursor }).toString(), undefined);
    }
  });
  it("every listed string as a table name, index name, key value, window bound and job id", async () => {
    for (const text of NASTY_STRINGS) {
      await send(byName("/api/tables/:table/items"), "GET", text, "pk=p", undefined);
      await send(byName("/api/tables/:table/items"), "GET", S_TABLE, new URLSearchParams({ index: text, pk: text, skOp: "=", sk: text }).toString(), undefined);
      await send(byName("/api/tables/:table/items"), "GET", N_TABLE, new URLSearchParams({ pk: text }).toString(), undefined);
      await send(byName("/api/tables/:table/items"), "GET", B_TABLE, new URLSearchParams({ pk: text }).toString(), undefined);
      await send(byName("/api/tables/:table/metrics"), "GET", S_TABLE, new URLSearchParams({ start: text, end: text, index: text }).toString(), undefined);
      await send(byName("/api/jobs/:id"), "GET", text, "", undefined);
    }
  });

  for (const route of ROUTES) {
    for (const method of route.methods) {
      // Routes that only answer 405 for a method need fewer runs to show it.
      const runs = method === "GET" || (method === "POST" && route.name.endsWith("/jobs")) || (method === "DELETE" && route.segment === "id") ? route.runs : 8;
      it(`${method} ${route.name}: 2xx or a clean 4xx, never a 5xx, a leak or a polluted prototype`, async () => {
        await fc.assert(
          fc.asyncProperty(segmentArbitrary(route.segment), queryFor(route.reads, route.templates), body, async (segment, search, payload) => {
            await send(route, method, segment, search, payload);
          }),
          { seed: SEED, numRuns: runs, endOnFailure: true },
        );
      });
    }
  }
});
