import { demoRhythm } from "./demo-rhythm";

/**
 * The demo's request rates (requests a second, the Poisson means the traffic model draws from) at one second of its
 * traffic, shared by the traffic model (today's traffic, request by request) and the baseline windows (the usual
 * traffic a day and a week earlier, as per-minute metrics).
 */
export type DemoRates = {
  shopProfileReads: number;
  shopOrderQueries: number;
  shopStatusQueries: number;
  /** Orders: one table write (two units with the LSI) and one GSI1 write each. */
  shopOrders: number;
  /** Cart lines: today all on one customer's partition (the hot key); usually spread over customers. */
  shopCartWrites: number;
  hotCart: boolean;
  sessionWrites: number;
  sessionReads: number;
  eventWrites: number;
  /** Readings from Events' chatty device (HOT_DEVICE_ID), one WCU each, all on its partition; none in the usual traffic. */
  eventHotDeviceWrites: number;
  eventQueries: number;
  /** The three seconds of every twenty in which a full Scan of Events runs (4 pages a second). */
  eventScan: boolean;
};

/**
 * `second` counts from the start of the traffic (the order spikes every 4 minutes and Sessions' bursts every 2 minutes
 * keep to it), `atMs` is the (possibly simulated) time, which sets the rhythm.
 * - today: the demo as it runs: a sale (the order rate, spikes included) and a bot hammering one customer's cart
 *   (25 writes a second on one partition key, of which its 10 WCU/s key cap admits about 10);
 *   and a chatty device on Events (HOT_DEVICE_ID, 14 readings a second against the same 10 WCU/s cap);
 * - usual: the same rhythm without the sale, the bot or the chatty device (about a third of the orders, 2 cart writes a
 *   second spread over customers), so Shop's consumed writes today are 2.5–3× the usual for the hour, a day and a week ago alike.
 * Orders take half the rhythm's lift, so Shop stays under its 50 WCU and GSI1 above its auto scaling target at any hour.
 */
/** Readings a second from Events' chatty device today, each one WCU: 1.4× the 10 WCU/s per-key cap. */
export const HOT_DEVICE_WRITES = 14;

/** The usual order rate, as a share of today's (the sale). */
export const USUAL_ORDER_SHARE = 0.35;

export function demoRates(second: number, atMs: number, variant: "today" | "usual" = "today"): DemoRates {
  const rhythm = demoRhythm(atMs);
  const usual = variant === "usual";
  const orders = (second % 240 < 45 ? 20 : 8 * (1 + (rhythm - 1) / 2)) * (usual ? USUAL_ORDER_SHARE : 1);
  const sessionBurst = second % 120 < 30;
  return {
    shopProfileReads: 6 * rhythm,
    shopOrderQueries: 3 * rhythm,
    shopStatusQueries: 1 * rhythm,
    shopOrders: orders,
    shopCartWrites: usual ? 2 : 25,
    hotCart: !usual,
    // Steady writes stay under Sessions' 5 WCU at the peak (4.8); its bursts of 15 a second are what throttles.
    sessionWrites: sessionBurst ? 15 : 3 * rhythm,
    sessionReads: 4 * rhythm,
    eventWrites: 5 * rhythm,
    // Above the 10 WCU/s per-key cap (1,000 scaled by 0.01), so Events shows key-range write throttles.
    eventHotDeviceWrites: usual ? 0 : HOT_DEVICE_WRITES,
    eventQueries: 1 * rhythm,
    eventScan: second % 20 < 3,
  };
}
