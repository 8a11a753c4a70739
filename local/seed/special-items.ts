import type { Item } from "./batch-writer";
import { B, BOOL, BS, L, M, N, NS, NULL, S, SS } from "./attribute-values";
import { createRandom } from "./random";

export const THIRTY_EIGHT_DIGITS = "12345678901234567890123456789012345678";
export const SPECIAL_PK = "SPECIAL#types";
export const LARGE_ITEMS_PK = "PRODUCT#P00042";
const ITEM_LIMIT = 409_600;

/** Items that exercise every attribute type and the edge cases that lossy tools get wrong. */
export function specialItems(): Item[] {
  const random = createRandom(7);
  let nested = M({ leaf: S("deepest"), n: N("-0.5") });
  for (let depth = 0; depth < 8; depth++) nested = M({ level: N(depth), child: nested, list: L([S(`d${depth}`), BOOL(depth % 2 === 0)]) });
  return [
    {
      PK: S(SPECIAL_PK),
      SK: S("NUMBERS"),
      entity: S("TypeShowcase"),
      big: N(THIRTY_EIGHT_DIGITS),
      negativeFraction: N("-0.000123"),
      tiny: N("1E-130"),
      huge: N("9.9999999999999999999999999999999999999E+125"),
      zero: N("0"),
      negativeInteger: N("-42"),
      pi: N("3.1415926535897932384626433832795028841"),
      epochSeconds: N("1767225600"),
    },
    {
      PK: S(SPECIAL_PK),
      SK: S("SETS"),
      entity: S("TypeShowcase"),
      colours: SS(["red", "green", "名前", ""].filter((value) => value !== "")),
      measures: NS(["1", "-2.5", THIRTY_EIGHT_DIGITS, "0.001"]),
      fingerprints: BS([random.bytes(4), random.bytes(8), Uint8Array.from([0, 255, 128])]),
    },
    {
      PK: S(SPECIAL_PK),
      SK: S("SCALARS"),
      entity: S("TypeShowcase"),
      blob: B(random.bytes(48)),
      yes: BOOL(true),
      no: BOOL(false),
      nothing: NULL,
      emptyString: S(""),
      emptyList: L([]),
      emptyMap: M({}),
    },
    { PK: S(SPECIAL_PK), SK: S("NESTED"), entity: S("TypeShowcase"), tree: nested, mixed: L([N("1"), S("two"), L([NULL]), M({ three: N("3.0e2") })]) },
    {
      PK: S(SPECIAL_PK),
      SK: S("UNICODE"),
      entity: S("TypeShowcase"),
      名前: S("東京"),
      emoji: S("😀👩‍👩‍👧 family"),
      rtl: S("مرحبا بالعالم"),
      combining: S("e\u0301 vs é"),
      markup: S('<script>alert("not executed")</script> "><img src=x onerror=alert(1)>'),
    },
    largeItem("ASSET#manual-100k", 100 * 1024),
    largeItem("ASSET#manual-350k", 350 * 1024),
    largeItem("ASSET#catalog-399k", 399 * 1024),
  ];
}

/** An item of `targetBytes` counted by DynamoDB's rules; only ASCII S attributes, so byte counting is simple. */
function largeItem(sk: string, targetBytes: number): Item {
  const base: Record<string, string> = { PK: LARGE_ITEMS_PK, SK: sk, entity: "Asset", contentType: "text/plain" };
  const used = Object.entries(base).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  const padding = targetBytes - used - "content".length;
  if (padding <= 0 || targetBytes > ITEM_LIMIT) throw new Error(`Cannot build a ${targetBytes}-byte item`);
  const item: Item = {};
  for (const [name, value] of Object.entries(base)) item[name] = S(value);
  item.content = S("lorem ipsum dolor sit amet ".repeat(Math.ceil(padding / 27)).slice(0, padding));
  return item;
}
