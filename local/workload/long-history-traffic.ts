import { demoRates, type DemoRates } from "./demo-rates";
import { demoRhythm } from "./demo-rhythm";
import { readUnits } from "./intent";
import type { LongAccess, LongStream } from "./long-history";

/**
 * What the demo's tables did on the days before its three-hour story (the long tail, long-history.ts), per minute:
 * the traffic model's usual rates (demo-rates.ts, a day and a week earlier's) with the daily and weekly rhythm, and
 * two differences that give each table its own capacity-mode verdict (issue 16):
 * - Sessions is mostly quiet: a session written a second at night and a login wave (30 s at 15 writes a second, the
 *   story's burst) every 10 minutes, where the story's three hours have one every 2 minutes and three times the
 *   steady writes. Provisioned for its waves, it pays for idle capacity most of the day: on-demand is cheaper.
 * - Events also has a nightly export: a full Scan at 02:00–02:05 UTC reading 30 pages a second (165 RCU/s, under
 *   its 400 RCU/s on-demand maximum). Its spikes are why on-demand suits it: capacity for them would sit idle all
 *   day, and less capacity would throttle them.
 * The fleet's other tables keep the live model's modest rates (fleet-traffic.ts), with the rhythm.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Login waves: 30 s at 15 writes a second, in the first minute of every 10. */
export const SESSIONS_LONG_TAIL = { quietWrites: 1, reads: 2, waveWrites: 15, waveSeconds: 30, waveEveryMinutes: 10 } as const;
/** The nightly export of Events: pages a second of a full Scan (5.5 RCU each), from 02:00 UTC for 5 minutes. */
export const EVENTS_EXPORT = { hourUtc: 2, minutes: 5, pagesPerSecond: 30, pageUnits: readUnits(500 * 90) } as const;

const on = (table: string, kind: LongAccess["kind"], units: number, index: string | null = null): LongAccess => ({ table, index, kind, units });

/** The usual rates averaged over a minute; a flag (Events' scan) becomes the share of the minute's seconds it is on. */
type MinuteMeans = Record<keyof DemoRates, number>;

/**
 * The usual rates averaged over each minute (the order spikes take 45 s of every 4 minutes, Events' scans 3 s of every
 * 20), with `second` counted from the tail's start as the baselines count it from theirs. One minute is kept, since
 * every stream asks for the same minute in turn.
 */
function minuteMeans(tailStartMs: number): (minuteMs: number) => MinuteMeans {
  let cachedMinute = Number.NaN;
  let cached: MinuteMeans | null = null;
  return (minuteMs) => {
    if (cached && minuteMs === cachedMinute) return cached;
    const first = Math.round((minuteMs - tailStartMs) / 1000);
    const sum: Partial<MinuteMeans> = {};
    for (let second = 0; second < 60; second++) {
      const rates = demoRates(first + second, minuteMs + second * 1000, "usual");
      for (const name of Object.keys(rates) as Array<keyof DemoRates>) sum[name] = (sum[name] ?? 0) + Number(rates[name]) / 60;
    }
    cached = sum as MinuteMeans;
    cachedMinute = minuteMs;
    return cached;
  };
}

function sessionWrites(minuteMs: number): number {
  const { quietWrites, waveWrites, waveSeconds, waveEveryMinutes } = SESSIONS_LONG_TAIL;
  const wave = Math.floor(minuteMs / MINUTE_MS) % waveEveryMinutes === 0 ? (waveWrites * waveSeconds) / 60 : 0;
  return quietWrites * demoRhythm(minuteMs) + wave;
}

function exportPages(minuteMs: number): number {
  const start = (minuteMs % (24 * HOUR_MS)) - EVENTS_EXPORT.hourUtc * HOUR_MS;
  return start >= 0 && start < EVENTS_EXPORT.minutes * MINUTE_MS ? EVENTS_EXPORT.pagesPerSecond : 0;
}

/** The long tail's streams for `tables` of one account and region: `replica` is the global table's receiving region. */
export function longTailStreams(tables: readonly string[], tailStartMs: number, role: "home" | "replica"): LongStream[] {
  const rates = minuteMeans(tailStartMs);
  const rhythm = (perSecond: number) => (minuteMs: number) => perSecond * demoRhythm(minuteMs);
  const byTable: Record<string, LongStream[]> = {
    Shop: [
      { operation: "GetItem", accesses: [on("Shop", "read", 0.5)], perSecond: (at) => rates(at).shopProfileReads },
      { operation: "Query", accesses: [on("Shop", "read", readUnits(25 * 200))], perSecond: (at) => rates(at).shopOrderQueries },
      { operation: "Query", accesses: [on("Shop", "read", readUnits(50 * 200), "GSI1")], perSecond: (at) => rates(at).shopStatusQueries },
      // An order writes the table and its LSI (2 units) and GSI1.
      { operation: "PutItem", accesses: [on("Shop", "write", 2), on("Shop", "write", 1, "GSI1")], perSecond: (at) => rates(at).shopOrders },
      { operation: "PutItem", accesses: [on("Shop", "write", 1)], perSecond: (at) => rates(at).shopCartWrites },
    ],
    Sessions: [
      { operation: "PutItem", accesses: [on("Sessions", "write", 1)], perSecond: sessionWrites },
      { operation: "GetItem", accesses: [on("Sessions", "read", 0.5)], perSecond: rhythm(SESSIONS_LONG_TAIL.reads) },
    ],
    Events: [
      { operation: "PutItem", accesses: [on("Events", "write", 1)], perSecond: (at) => rates(at).eventWrites },
      { operation: "Query", accesses: [on("Events", "read", 0.5)], perSecond: (at) => rates(at).eventQueries },
      {
        operation: "Scan",
        accesses: [on("Events", "read", EVENTS_EXPORT.pageUnits)],
        // 4 pages a second while a scan runs, and the nightly export's pages.
        perSecond: (at) => 4 * rates(at).eventScan + exportPages(at),
      },
    ],
    // fleet-traffic.ts: about 3 profile updates a second (replicated to eu-west-1) and 5 reads; 4 reads in eu-west-1.
    Profiles:
      role === "home"
        ? [
            { operation: "PutItem", accesses: [on("Profiles", "write", 1)], perSecond: rhythm(3) },
            { operation: "GetItem", accesses: [on("Profiles", "read", 0.5)], perSecond: rhythm(5) },
          ]
        : [
            { operation: "ReplicatedWrite", accesses: [on("Profiles", "write", 1)], perSecond: rhythm(3) },
            { operation: "GetItem", accesses: [on("Profiles", "read", 0.5)], perSecond: rhythm(4) },
          ],
    Invoices: [
      { operation: "Query", accesses: [on("Invoices", "read", readUnits(10 * 120))], perSecond: rhythm(1) },
      { operation: "PutItem", accesses: [on("Invoices", "write", 1)], perSecond: rhythm(0.3) },
    ],
    Reports: [
      { operation: "Query", accesses: [on("Reports", "read", readUnits(20 * 150))], perSecond: rhythm(2) },
      { operation: "PutItem", accesses: [on("Reports", "write", 1)], perSecond: rhythm(0.2) },
    ],
  };
  return tables.flatMap((table) => byTable[table] ?? []);
}
