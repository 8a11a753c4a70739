import { z } from "zod";
import { freePort } from "../local/free-port";
import { startDashboard } from "../local/stack/dashboard-process";
import type { LocalStack } from "../local/stack/local-stack";
import { CHANGE_LEAD_MS, eventsIn, fitInMinute, getOk, loadRoute, lookupCalls, MINUTE, resetLookupCalls, summary, tablePath, type ReadWindow, type Summary, type WindowEvents } from "./changes-report-shared";

/*
 * What the change history costs a table page view (issue 14: LookupEvents allows 2 calls a second per account and
 * region, so 50 viewers must cost what 1 does). Of the page's requests, two read CloudTrail: the changes card's and
 * the diagnosis's. The view is the page opened at its 3 h range (`/tables/Shop?range=3h`), whose read (the window and
 * the 30 minutes before it) holds the bench history's changes; at the default 1 h the bench's last 90 minutes hold
 * none, and the lookups would return empty pages. The dashboard reads one paged LookupEvents per event source,
 * account, region and read window, cached while the window's metrics are (a minute while it reaches now) and
 * coalesced in flight, so both requests of every viewer share one read.
 */

export const VIEWERS = 50;
export const WARM_VIEWS = 20;
const MAX_ATTEMPTS = 3;
/** What one measurement may take, so it stays inside one minute (one window, one cache entry). */
const RUN_BUDGET_MS = 15_000;

/** A URL that names a range sends it to the diagnosis too (app/tables/[table]/diagnosis/verdicts-panel.tsx). */
export const PAGE_REQUESTS = { changes: `${tablePath}/changes?range=3h`, diagnosis: `${tablePath}/diagnosis?range=3h` } as const;
type PageRequest = keyof typeof PAGE_REQUESTS;

const windowSchema = z.object({ start: z.number(), end: z.number() });
const changesSchema = z.object({ window: windowSchema, changes: z.array(z.unknown()), complete: z.boolean(), incompleteReason: z.string().nullable().optional() });
const diagnosisSchema = z.object({
  window: windowSchema,
  windowSource: z.object({ kind: z.string() }),
  inputs: z.object({ changes: z.union([z.object({ ok: z.literal(true), changes: z.number(), complete: z.boolean() }), z.object({ ok: z.literal(false), error: z.string() })]).optional() }),
});

type Sample = { request: PageRequest; ms: number };
/** What a view answered: the history must have been read, or the counts mean nothing. */
type Seen = { changes: number; changesComplete: boolean; incompleteReason: string | null; diagnosisWindow: string; diagnosisReadChanges: boolean };

export type ViewsRun = {
  viewers: number;
  viewsPerViewer: number;
  lookupEvents: number;
  /** Lookups the read windows take at 50 events a page, one read per source and window (what sharing should cost). */
  expectedLookups: number;
  /** The CloudTrail events in each distinct read window, per event source. */
  readWindows: Array<ReadWindow & WindowEvents>;
  latency: Summary & { byRequest: Record<PageRequest, Summary> };
  /** Responses whose history was partial (a throttled lookup, the paging cap): 0 for a clean count. */
  incompleteResponses: number;
  crossedMinute: boolean;
  attempts: number;
  seen: Seen;
};

async function pageView(baseUrl: string): Promise<{ samples: Sample[]; seen: Seen; readWindows: ReadWindow[] }> {
  const [changes, diagnosis] = await Promise.all([getOk(baseUrl, PAGE_REQUESTS.changes), getOk(baseUrl, PAGE_REQUESTS.diagnosis)]);
  const history = changesSchema.parse(JSON.parse(changes.text));
  const verdicts = diagnosisSchema.parse(JSON.parse(diagnosis.text));
  const read = verdicts.inputs.changes;
  // Both read the window and the lead time before it (lib/server/changes/table-changes.ts: changesReadWindow).
  const readWindows = [history.window, verdicts.window].map((window) => ({ startMs: window.start - CHANGE_LEAD_MS, endMs: window.end }));
  return {
    samples: [
      { request: "changes", ms: changes.ms },
      { request: "diagnosis", ms: diagnosis.ms },
    ],
    seen: {
      changes: history.changes.length,
      changesComplete: history.complete && (read?.ok !== true || read.complete),
      incompleteReason: history.incompleteReason ?? null,
      diagnosisWindow: verdicts.windowSource.kind,
      diagnosisReadChanges: read?.ok === true,
    },
    readWindows,
  };
}

async function measure(baseUrl: string, stack: LocalStack, viewers: number, viewsPerViewer: number): Promise<Omit<ViewsRun, "attempts">> {
  await resetLookupCalls(stack);
  const startedAt = Date.now();
  const views = await Promise.all(
    Array.from({ length: viewers }, async () => {
      const mine = [];
      for (let i = 0; i < viewsPerViewer; i++) mine.push(await pageView(baseUrl));
      return mine;
    }),
  );
  const endedAt = Date.now();
  const lookupEvents = await lookupCalls(stack);
  const all = views.flat();
  const first = all[0];
  if (!first) throw new Error("no page view was measured");
  const distinct = new Map(all.flatMap((view) => view.readWindows).map((window) => [`${window.startMs}-${window.endMs}`, window]));
  const readWindows = [...distinct.values()].map((window) => ({ ...window, ...eventsIn(stack, window) }));
  const samples = all.flatMap((view) => view.samples);
  const byRequest = (request: PageRequest) => summary(samples.filter((sample) => sample.request === request).map((sample) => sample.ms));
  return {
    viewers,
    viewsPerViewer,
    lookupEvents,
    expectedLookups: readWindows.reduce((sum, window) => sum + window.expectedLookups, 0),
    readWindows,
    latency: { ...summary(samples.map((sample) => sample.ms)), byRequest: { changes: byRequest("changes"), diagnosis: byRequest("diagnosis") } },
    incompleteResponses: all.filter((view) => !view.seen.changesComplete).length,
    crossedMinute: Math.floor(startedAt / MINUTE) !== Math.floor(endedAt / MINUTE),
    seen: first.seen,
  };
}

/** One cold run on a fresh dashboard (nothing cached, the routes' code loaded); measured again if it crossed a minute. */
async function coldRun(stack: LocalStack, viewers: number, log: (line: string) => void): Promise<ViewsRun> {
  for (let attempt = 1; ; attempt++) {
    const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
    try {
      await Promise.all(Object.values(PAGE_REQUESTS).map((path) => loadRoute(dashboard.url, `${new URL(path, dashboard.url).pathname}?range=bench`)));
      await fitInMinute(RUN_BUDGET_MS);
      const run = await measure(dashboard.url, stack, viewers, 1);
      if (!run.crossedMinute || attempt === MAX_ATTEMPTS) return { ...run, attempts: attempt };
      log(`changes bench: ${viewers} viewer(s) crossed a minute; measuring again`);
    } finally {
      await dashboard.stop();
    }
  }
}

/** Warm: one view first (it fills the minute's cache), then the measured views, all inside that minute. */
async function warmRun(dashboardUrl: string, stack: LocalStack, viewers: number, viewsPerViewer: number): Promise<ViewsRun> {
  await fitInMinute(RUN_BUDGET_MS + 5_000);
  await pageView(dashboardUrl);
  return { ...(await measure(dashboardUrl, stack, viewers, viewsPerViewer)), attempts: 1 };
}

export type ViewsBench = {
  pageRequests: string[];
  cold: { oneViewer: ViewsRun; fiftyViewers: ViewsRun };
  warm: { oneViewer: ViewsRun; fiftyViewers: ViewsRun };
};

/** LookupEvents behind one table page view's changes and diagnosis, 1 viewer and 50 concurrent viewers, cold and warm. */
export async function benchChangeViews(dashboardUrl: string, stack: LocalStack, log: (line: string) => void): Promise<ViewsBench> {
  const oneViewer = await coldRun(stack, 1, log);
  if (!oneViewer.seen.diagnosisReadChanges) throw new Error(`The diagnosis could not read ${stack.cloudtrail.endpoint}'s change history: ${JSON.stringify(oneViewer.seen)}`);
  log(`changes bench: cold, 1 viewer: ${oneViewer.lookupEvents} LookupEvents (${oneViewer.expectedLookups} expected)`);
  const fiftyViewers = await coldRun(stack, VIEWERS, log);
  log(`changes bench: cold, ${VIEWERS} viewers: ${fiftyViewers.lookupEvents} LookupEvents`);
  const warmOne = await warmRun(dashboardUrl, stack, 1, WARM_VIEWS);
  const warmFifty = await warmRun(dashboardUrl, stack, VIEWERS, 1);
  log(`changes bench: warm: ${warmOne.lookupEvents} LookupEvents for 1 viewer × ${WARM_VIEWS}, ${warmFifty.lookupEvents} for ${VIEWERS} viewers`);
  return { pageRequests: Object.values(PAGE_REQUESTS), cold: { oneViewer, fiftyViewers }, warm: { oneViewer: warmOne, fiftyViewers: warmFifty } };
}
