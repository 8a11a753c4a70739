import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { itemSize } from "../lib/dynamo/item-size";
import { B, BOOL, BS, L, M, N, NS, NULL, S, SS } from "../local/seed/attribute-values";
import type { Item } from "../local/seed/batch-writer";
import { createRandom, type Random } from "../local/seed/random";
import { eventItems, sessionItems } from "../local/seed/session-and-event-items";
import { shopItems } from "../local/seed/shop-items";
import { specialItems } from "../local/seed/special-items";

/** Data volume processed before the clock stops; repetitions of the corpus are added until it is reached. */
const TARGET_BYTES = 64 * 1_000_000;
const MIN_PASSES = 5;
const SYNTHETIC_ITEMS = 4_000;
/** Fixed, so the corpus (and the figure) is the same on every run. */
const NOW_SECONDS = 1_767_225_600;
const WORDS = ["alpha", "東京", "naïve", "😀", "delta", "مرحبا", "zeta", "👩‍👩‍👧", "omega", "ß"];

export interface ItemSizeBench {
  items: number;
  /** Sum of itemSize over the corpus: the data volume of one pass. */
  bytesPerPass: number;
  passes: number;
  seconds: number;
  /** MB = 1,000,000 bytes of item data, as counted by itemSize. */
  mbPerSecond: number;
  itemsPerSecond: number;
}

/**
 * itemSize throughput on a realistic mix held in memory: the demo's shop, session and event items (small, flat,
 * mostly ASCII), its special items (every type, 38-digit numbers, 100–399 KB items), and synthetic nested items with
 * Unicode, sets and deep maps, which exercise the recursive and UTF-8 paths the seed data barely touches.
 */
export function benchItemSize(): ItemSizeBench {
  const corpus: Item[] = [...shopItems(), ...sessionItems(NOW_SECONDS), ...eventItems(NOW_SECONDS), ...specialItems(), ...syntheticItems(SYNTHETIC_ITEMS)];
  // One untimed pass warms the JIT, and gives the volume per pass.
  const bytesPerPass = sizeAll(corpus);
  const passes = Math.max(MIN_PASSES, Math.ceil(TARGET_BYTES / bytesPerPass));
  let checksum = 0;
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) checksum += sizeAll(corpus);
  const seconds = (performance.now() - started) / 1000;
  // Using the result keeps the work observable, and doubles as a check that every pass sized the same data.
  if (checksum !== bytesPerPass * passes) throw new Error(`itemSize is not deterministic: ${checksum} ≠ ${bytesPerPass} × ${passes}`);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    items: corpus.length,
    bytesPerPass,
    passes,
    seconds: Math.round(seconds * 1000) / 1000,
    mbPerSecond: round((bytesPerPass * passes) / 1_000_000 / seconds),
    itemsPerSecond: Math.round((corpus.length * passes) / seconds),
  };
}

function sizeAll(items: readonly Item[]): number {
  let total = 0;
  for (const item of items) total += itemSize(item);
  return total;
}

function syntheticItems(count: number): Item[] {
  const random = createRandom(4_242);
  return Array.from({ length: count }, (_, index) => ({
    PK: S(`TENANT#${index % 97}`),
    SK: S(`DOC#${String(index).padStart(6, "0")}`),
    title: S(sentence(random, random.int(2, 12))),
    body: S(sentence(random, random.int(20, 400))),
    score: N(`${random.int(0, 1) === 0 ? "-" : ""}${random.int(0, 99_999)}.${random.int(0, 9_999)}`),
    tags: SS([...new Set(Array.from({ length: random.int(1, 6) }, () => random.pick(WORDS)))]),
    readings: NS([...new Set(Array.from({ length: random.int(1, 8) }, () => String(random.int(-1_000_000, 1_000_000))))]),
    thumbnails: BS(Array.from({ length: random.int(1, 3) }, (_, slot) => Uint8Array.of(slot, ...random.bytes(random.int(16, 256))))),
    signature: B(random.bytes(64)),
    archived: BOOL(random.int(0, 9) === 0),
    deletedAt: NULL,
    meta: nestedMap(random, 4),
    history: L(Array.from({ length: random.int(0, 10) }, () => nestedMap(random, 2))),
  }));
}

function nestedMap(random: Random, depth: number): AttributeValue {
  const entries: Record<string, AttributeValue> = {};
  const width = random.int(1, 5);
  for (let key = 0; key < width; key++) {
    const name = `${random.pick(WORDS)}${key}`;
    entries[name] = depth > 0 && random.int(0, 2) === 0 ? nestedMap(random, depth - 1) : leaf(random);
  }
  return M(entries);
}

function leaf(random: Random): AttributeValue {
  switch (random.int(0, 3)) {
    case 0:
      return S(sentence(random, random.int(1, 8)));
    case 1:
      return N(`${random.int(-999, 999)}.${random.int(0, 99)}E${random.int(-20, 20)}`);
    case 2:
      return L([S(random.pick(WORDS)), N(random.int(0, 1e6)), BOOL(true)]);
    default:
      return BOOL(false);
  }
}

function sentence(random: Random, words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(" ");
}
