import type { Item } from "./batch-writer";
import { B, L, M, N, S } from "./attribute-values";
import { createRandom } from "./random";

const SESSIONS = 2_000;
const DEVICES = 60;
const EVENTS = 6_000;

/**
 * The demo's chatty device: today's traffic has it write about 14 readings a second to its own Events partition, above
 * the local per-key write cap (1,000 WCU/s scaled by LOCAL_CAPACITY_SCALE=0.01: 10), with Contributor Insights off on
 * Events, so only a sample of Events' stream names it.
 */
export const HOT_DEVICE_ID = "device-017";

export function sessionItems(nowSeconds: number): Item[] {
  const random = createRandom(42);
  return Array.from({ length: SESSIONS }, (_, index) => {
    const createdAt = nowSeconds - random.int(0, 86_400);
    return {
      sessionId: S(`sess-${index.toString(36).padStart(5, "0")}-${random.int(0, 1e9).toString(36)}`),
      userId: S(`user-${random.int(1, 900)}`),
      createdAt: N(createdAt),
      expiresAt: N(createdAt + 7 * 86_400),
      ip: S(`203.0.113.${random.int(1, 254)}`),
      userAgent: S(random.pick(["Mozilla/5.0 (X11; Linux x86_64)", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)", "curl/8.5.0"])),
      csrf: B(random.bytes(16)),
      data: M({ cart: L([S(`P${String(random.int(0, 499)).padStart(5, "0")}`)]), theme: S(random.pick(["dark", "light"])) }),
    };
  });
}

export function eventItems(nowSeconds: number): Item[] {
  const random = createRandom(99);
  return Array.from({ length: EVENTS }, (_, index) => ({
    deviceId: S(`device-${String(index % DEVICES).padStart(3, "0")}`),
    ts: N(nowSeconds - (EVENTS - index) * 30),
    kind: S(random.pick(["heartbeat", "reading", "alert", "boot"])),
    temperatureC: N((random.int(-200, 450) / 10).toFixed(1)),
    payload: M({ firmware: S(`1.${random.int(0, 9)}.${random.int(0, 30)}`), battery: N(random.int(1, 100)) }),
  }));
}
