import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { createRandom, zipfSampler, type Random } from "../seed/random";
import { HOT_DEVICE_ID } from "../seed/session-and-event-items";
import { customerId, HOT_CUSTOMER_PK } from "../seed/shop-items";
import { demoRates } from "./demo-rates";
import { approximateBytes, readUnits, writeUnits, type Intent } from "./intent";

/**
 * The demo's traffic, second by second. Chosen so that, with LOCAL_CAPACITY_SCALE=0.01, the dashboard has
 * something true to find within minutes:
 * - Shop: steady mixed traffic; one customer partition takes ~25 writes/s against a 10 WCU/s per-key cap
 *   (key-range throttling); order spikes every 4 minutes outrun GSI1's 10 WCU (back-pressure, once burst is spent).
 * - Sessions: 30-second write bursts every 2 minutes at 3× its 5 WCU once the deploy lowered it from 20 (table-level
 *   provisioned throttling; local/stack/demo-deploy.ts).
 * - Events: a full Scan every 20 seconds next to light queries (scan-heavy), and one chatty device (HOT_DEVICE_ID) writing
 *   ~14 readings a second against the 10 WCU/s per-key cap (key-range throttling, with Contributor Insights off).
 * The steady customer traffic follows a daily and weekly rhythm (demo-rhythm.ts, demo-rates.ts).
 */
/** `second` counts from the start of the traffic; `nowMs` is the (possibly simulated) wall clock, for timestamps in items. */
export type TrafficModel = { intentsAt: (second: number, nowMs: number) => Intent[] };

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number | string): AttributeValue => ({ N: String(value) });
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "RETURNED"] as const;

export function poisson(random: Random, mean: number): number {
  // Knuth's method is fine for the small means used here.
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

function put(table: string, item: Record<string, AttributeValue>, gsis: string[], lsiWrite: boolean): Intent {
  const units = writeUnits(approximateBytes(item));
  return {
    operation: "PutItem",
    input: { TableName: table, Item: item },
    estimate: { tableUnits: units * (lsiWrite ? 2 : 1), gsiUnits: Object.fromEntries(gsis.map((gsi) => [gsi, units])), returned: 0, latencyMs: 4 },
  };
}

export function demoTrafficModel(seed = 1): TrafficModel {
  const random = createRandom(seed);
  // The chatty device draws from its own generator, so adding it left every other table's traffic as it was (the
  // demo's deploy story relies on Sessions' bursts fitting its capacity until the deploy lowers it).
  const deviceRandom = createRandom(seed + 17);
  const pickCustomer = zipfSampler(1_500, 1.07, random);
  let orderNumber = 1_000_000;
  let sessionNumber = 0;
  let cartNumber = 0;
  let hotReading = 0;

  return {
    intentsAt(second, nowMs) {
      const intents: Intent[] = [];
      const nowSeconds = Math.floor(nowMs / 1000);
      const repeat = (mean: number, make: () => Intent) => {
        for (let i = poisson(random, mean); i > 0; i--) intents.push(make());
      };
      const rates = demoRates(second, nowMs);

      // Shop
      repeat(rates.shopProfileReads, () => ({
        operation: "GetItem",
        input: { TableName: "Shop", Key: { PK: S(`CUSTOMER#${customerId(pickCustomer())}`), SK: S("PROFILE") } },
        estimate: { tableUnits: 0.5, gsiUnits: {}, returned: 1, latencyMs: 3 },
      }));
      repeat(rates.shopOrderQueries, () => ({
        operation: "Query",
        input: { TableName: "Shop", KeyConditionExpression: "PK = :pk AND begins_with(SK, :order)", ExpressionAttributeValues: { ":pk": S(`CUSTOMER#${customerId(pickCustomer())}`), ":order": S("ORDER#") }, Limit: 25 },
        estimate: { tableUnits: readUnits(25 * 200), gsiUnits: {}, returned: 20, latencyMs: 5 },
      }));
      repeat(rates.shopStatusQueries, () => ({
        operation: "Query",
        input: { TableName: "Shop", IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :status", ExpressionAttributeValues: { ":status": S(`STATUS#${random.pick(STATUSES)}`) }, Limit: 50, ScanIndexForward: false },
        estimate: { tableUnits: 0, gsiUnits: { GSI1: readUnits(50 * 200) }, returned: 50, latencyMs: 6 },
      }));
      repeat(rates.shopOrders, () => {
        const orderId = `O${orderNumber++}`;
        const status = random.pick(STATUSES);
        const date = new Date(nowSeconds * 1000).toISOString();
        return put(
          "Shop",
          {
            PK: S(`CUSTOMER#${customerId(pickCustomer())}`),
            SK: S(`ORDER#${date}#${orderId}`),
            entity: S("Order"),
            orderId: S(orderId),
            status: S(status),
            placedAt: N(nowSeconds),
            orderTotal: N((random.int(500, 90_000) / 100).toFixed(2)),
            GSI1PK: S(`STATUS#${status}`),
            GSI1SK: S(`${date}#${orderId}`),
          },
          ["GSI1"],
          true,
        );
      });
      repeat(rates.shopCartWrites, () => put("Shop", { PK: S(HOT_CUSTOMER_PK), SK: S(`CART#${String(cartNumber++ % 500).padStart(3, "0")}`), entity: S("CartLine"), sku: S(`P${random.int(0, 499)}`), quantity: N(random.int(1, 3)), note: S("x".repeat(120)) }, [], false));

      // Sessions
      repeat(rates.sessionWrites, () =>
        put("Sessions", { sessionId: S(`live-${sessionNumber++}`), userId: S(`user-${random.int(1, 900)}`), createdAt: N(nowSeconds), expiresAt: N(nowSeconds + 86_400), ip: S("203.0.113.7"), userAgent: S("Mozilla/5.0 (X11; Linux x86_64)") }, [], false),
      );
      repeat(rates.sessionReads, () => ({
        operation: "GetItem",
        input: { TableName: "Sessions", Key: { sessionId: S(`live-${Math.max(0, sessionNumber - random.int(1, 200))}`) } },
        estimate: { tableUnits: 0.5, gsiUnits: {}, returned: 1, latencyMs: 3 },
      }));

      // Events
      repeat(rates.eventWrites, () => put("Events", { deviceId: S(`device-${String(random.int(0, 59)).padStart(3, "0")}`), ts: N(nowSeconds * 1000 + random.int(0, 999)), kind: S("reading"), temperatureC: N((random.int(-200, 450) / 10).toFixed(1)) }, [], false));
      // Small readings (one WCU each); the counter keeps their sort keys apart within a second.
      for (let i = poisson(deviceRandom, rates.eventHotDeviceWrites); i > 0; i--) {
        intents.push(put("Events", { deviceId: S(HOT_DEVICE_ID), ts: N(nowSeconds * 1000 + (hotReading++ % 1000)), kind: S("reading"), temperatureC: N((deviceRandom.int(-200, 450) / 10).toFixed(1)) }, [], false));
      }
      repeat(rates.eventQueries, () => ({
        operation: "Query",
        input: { TableName: "Events", KeyConditionExpression: "deviceId = :d", ExpressionAttributeValues: { ":d": S(`device-${String(random.int(0, 59)).padStart(3, "0")}`) }, Limit: 20, ScanIndexForward: false },
        estimate: { tableUnits: 0.5, gsiUnits: {}, returned: 20, latencyMs: 4 },
      }));
      if (rates.eventScan) {
        // A full scan, paged: 12 pages of 500 items spread over three seconds.
        for (let page = 0; page < 4; page++) {
          intents.push({
            operation: "Scan",
            scanId: `events-${Math.floor(second / 20)}`,
            input: { TableName: "Events", Limit: 500 },
            estimate: { tableUnits: readUnits(500 * 90), gsiUnits: {}, returned: 500, latencyMs: 25 },
          });
        }
      }
      return intents;
    },
  };
}
