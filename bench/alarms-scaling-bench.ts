import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { isAutoScalingAction } from "../local/aws/cloudwatch/alarm-actions";
import { freePort } from "../local/free-port";
import { startDashboard } from "../local/stack/dashboard-process";
import type { LocalStack } from "../local/stack/local-stack";
import { percentile } from "./stats";

/*
 * What alarms and auto scaling add to a table page view (issue 13: "50 viewers should cost what 1 does"). The page
 * fires three requests together: the table's alarms and auto scaling over 1 h, and its diagnosis without a range
 * (the URL names none), which reads the alarms and auto scaling too, plus a 24 h peaks batch for its auto scaled
 * resources. The dashboard reads alarms and auto scaling per scope and minute and the peaks per five minutes, so a
 * cold view runs on a fresh dashboard; the warm ones run on the dashboard it is given.
 */

const TABLE = "Shop";
const VIEWERS = 50;
const WARM_VIEWS = 20;
const MAX_ATTEMPTS = 3;
const MINUTE = 60_000;
/** What one measurement (the page's other requests, then the views) may take, so it stays inside one minute. */
const RUN_BUDGET_MS = 12_000;
/** How long after a measurement an alarm action still counts against it: the action is seen when its handling ends. */
const ACTION_GRACE_MS = 2_000;

export const COUNTED_OPERATIONS = {
  cloudwatch: ["DescribeAlarms", "DescribeAlarmHistory", "GetMetricData"],
  autoscaling: ["DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScheduledActions", "DescribeScalingActivities"],
} as const;
type Operation = (typeof COUNTED_OPERATIONS)[keyof typeof COUNTED_OPERATIONS][number];
export type Calls = Record<Operation, number>;
const OPERATIONS: readonly Operation[] = [...COUNTED_OPERATIONS.cloudwatch, ...COUNTED_OPERATIONS.autoscaling];

const tablePath = `/api/tables/${encodeURIComponent(TABLE)}`;
const PAGE_REQUESTS = { alarms: `${tablePath}/alarms?range=1h`, scaling: `${tablePath}/scaling?range=1h`, diagnosis: `${tablePath}/diagnosis` } as const;
type PageRequest = keyof typeof PAGE_REQUESTS;
/**
 * What the page reads with or without alarms and auto scaling (its description and 1 h metrics), requested first so
 * the diagnosis finds the window's metrics batch cached, as it shares the page's own: GetMetricData then counts only
 * what auto scaling adds, the 24 h peaks batch. The default range is 1 h, so both windows are the same. The
 * diagnosis's Contributor Insights read is left to it (it fails as a missing input while a table has no rule yet);
 * its GetInsightRuleReport calls show among the other CloudWatch calls.
 */
const BASE_REQUESTS = [tablePath, `${tablePath}/metrics?range=1h`];

const statsSchema = z.object({ operations: z.record(z.string(), z.number()) });
const alarmsSchema = z.object({ alarms: z.array(z.unknown()) });
const scalingSchema = z.object({ targets: z.array(z.unknown()) });
const inputSchema = z.object({ ok: z.boolean() }).optional();
const diagnosisSchema = z.object({ windowSource: z.object({ kind: z.string() }), inputs: z.object({ alarms: inputSchema, scaling: inputSchema }) });

type Sample = { request: PageRequest; ms: number };
/** What the first view answered: the demo's alarms and auto scaling must be there, or the counts mean nothing. */
type Seen = { alarms: number; targets: number; diagnosisWindow: string; diagnosisReadAlarms: boolean; diagnosisReadScaling: boolean };
type Summary = { n: number; p50Ms: number; p95Ms: number };
export type AlarmsScalingRun = {
  viewers: number;
  viewsPerViewer: number;
  calls: Calls;
  totalCalls: number;
  /** Every other operation the local CloudWatch counted meanwhile, e.g. the proxy's PutMetricData: not the page's. */
  otherCloudWatchCalls: Record<string, number>;
  latency: Summary & { maxMs: number; byRequest: Record<PageRequest, Summary> };
  /** Auto scaling alarm actions during the run: the local auto scaling calls GetMetricData for each, so 0 is a clean count. */
  scalingActionsDuring: number;
  /** The alarm and settings caches are per minute: a run that crossed one may count a second read. */
  crossedMinute: boolean;
  attempts: number;
  seen: Seen;
};

const round = (ms: number) => Math.round(ms * 10) / 10;
const summary = (values: number[]): Summary => ({ n: values.length, p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)) });

async function getJson(baseUrl: string, path: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) as unknown };
}

async function pageView(baseUrl: string): Promise<{ samples: Sample[]; seen: Seen }> {
  const [alarms, scaling, diagnosis] = await Promise.all([getJson(baseUrl, PAGE_REQUESTS.alarms), getJson(baseUrl, PAGE_REQUESTS.scaling), getJson(baseUrl, PAGE_REQUESTS.diagnosis)]);
  const verdicts = diagnosisSchema.parse(diagnosis.body);
  return {
    samples: [
      { request: "alarms", ms: alarms.ms },
      { request: "scaling", ms: scaling.ms },
      { request: "diagnosis", ms: diagnosis.ms },
    ],
    seen: {
      alarms: alarmsSchema.parse(alarms.body).alarms.length,
      targets: scalingSchema.parse(scaling.body).targets.length,
      diagnosisWindow: verdicts.windowSource.kind,
      diagnosisReadAlarms: verdicts.inputs.alarms?.ok === true,
      diagnosisReadScaling: verdicts.inputs.scaling?.ok === true,
    },
  };
}

async function operationCounts(endpoint: string): Promise<Record<string, number>> {
  return statsSchema.parse(await (await fetch(`${endpoint}/_local/stats`)).json()).operations;
}

async function resetStats(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/_local/stats/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`${endpoint}/_local/stats/reset answered ${response.status}`);
}

/**
 * The local auto scaling's own CloudWatch calls share the counters: for each Auto Scaling alarm action (invoked every
 * minute while an alarm stays in ALARM, alarm-actions.ts) it calls GetMetricData, and PutMetricAlarm when it scales.
 * This handler runs after the auto scaling's, so it sees when each action's calls are over.
 */
function watchScalingActions(stack: LocalStack) {
  const seen: number[] = [];
  const unsubscribe = stack.cloudwatch.onAlarmActions((action) => {
    if (isAutoScalingAction(action.actionArn)) seen.push(Date.now());
  });
  return {
    unsubscribe,
    count: (fromMs: number, toMs: number) => seen.filter((at) => at > fromMs && at <= toMs).length,
    /** The alarm pass due next, from the last action seen (passes run every minute); null before any was seen. */
    nextPassAt: (nowMs: number): number | null => {
      const last = seen.at(-1);
      return last === undefined ? null : last + Math.max(1, Math.ceil((nowMs - last) / MINUTE)) * MINUTE;
    },
  };
}
type ScalingActions = ReturnType<typeof watchScalingActions>;

/** Waits until a run fits in what is left of the minute and keeps clear of the next alarm pass. */
async function quietMoment(actions: ScalingActions): Promise<void> {
  for (;;) {
    const now = Date.now();
    const intoMinute = now % MINUTE;
    const pass = actions.nextPassAt(now);
    const fitsMinute = intoMinute >= 500 && intoMinute + RUN_BUDGET_MS < MINUTE;
    const clearOfPass = pass === null || (pass - 3_000 > now + RUN_BUDGET_MS && now - (pass - MINUTE) > 4_000);
    if (fitsMinute && clearOfPass) return;
    await sleep(500);
  }
}

async function measure(baseUrl: string, stack: LocalStack, actions: ScalingActions, viewers: number, viewsPerViewer: number): Promise<Omit<AlarmsScalingRun, "attempts">> {
  await Promise.all(BASE_REQUESTS.map((path) => getJson(baseUrl, path)));
  const resetAt = Date.now();
  await Promise.all([resetStats(stack.cloudwatch.endpoint), resetStats(stack.autoscaling.endpoint)]);
  const views = await Promise.all(
    Array.from({ length: viewers }, async () => {
      const mine = [];
      for (let i = 0; i < viewsPerViewer; i++) mine.push(await pageView(baseUrl));
      return mine;
    }),
  );
  const endedAt = Date.now();
  const [cloudwatch, autoscaling] = await Promise.all([operationCounts(stack.cloudwatch.endpoint), operationCounts(stack.autoscaling.endpoint)]);
  const counted = { ...cloudwatch, ...autoscaling };
  await sleep(ACTION_GRACE_MS);
  const calls = Object.fromEntries(OPERATIONS.map((operation) => [operation, counted[operation] ?? 0])) as Calls;
  const samples = views.flat().flatMap((view) => view.samples);
  const ms = samples.map((sample) => sample.ms);
  const byRequest = (request: PageRequest) => summary(samples.filter((sample) => sample.request === request).map((sample) => sample.ms));
  const first = views[0]?.[0];
  if (!first) throw new Error("no page view was measured");
  return {
    viewers,
    viewsPerViewer,
    calls,
    totalCalls: OPERATIONS.reduce((sum, operation) => sum + calls[operation], 0),
    otherCloudWatchCalls: Object.fromEntries(Object.entries(cloudwatch).filter(([operation]) => !(OPERATIONS as readonly string[]).includes(operation))),
    latency: { ...summary(ms), maxMs: round(Math.max(...ms)), byRequest: { alarms: byRequest("alarms"), scaling: byRequest("scaling"), diagnosis: byRequest("diagnosis") } },
    scalingActionsDuring: actions.count(resetAt, endedAt + ACTION_GRACE_MS),
    crossedMinute: Math.floor(resetAt / MINUTE) !== Math.floor(endedAt / MINUTE),
    seen: first.seen,
  };
}

/** One cold run on a fresh dashboard: nothing cached, the routes' code loaded. Retried when an alarm action or a minute got in the way. */
async function coldRun(stack: LocalStack, actions: ScalingActions, viewers: number, log: (line: string) => void): Promise<AlarmsScalingRun> {
  for (let attempt = 1; ; attempt++) {
    const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
    try {
      // A range it does not know is refused before any AWS call, so this loads each route's code and reads nothing.
      await Promise.all(
        Object.values(PAGE_REQUESTS).map(async (path) => {
          const response = await fetch(`${dashboard.url}${new URL(path, dashboard.url).pathname}?range=bench`);
          await response.arrayBuffer();
          if (response.status !== 400) throw new Error(`${path} with a bad range answered ${response.status}, not 400`);
        }),
      );
      await quietMoment(actions);
      const run = await measure(dashboard.url, stack, actions, viewers, 1);
      if ((run.scalingActionsDuring === 0 && !run.crossedMinute) || attempt === MAX_ATTEMPTS) return { ...run, attempts: attempt };
      log(`alarms/scaling bench: ${viewers} viewer(s) met ${run.scalingActionsDuring} auto scaling action(s)${run.crossedMinute ? " and a new minute" : ""}; measuring again`);
    } finally {
      await dashboard.stop();
    }
  }
}

export type AlarmsScalingBench = {
  table: string;
  pageRequests: string[];
  cold: { oneViewer: AlarmsScalingRun; fiftyViewers: AlarmsScalingRun; ratio: number | null };
  warm: { oneViewer: AlarmsScalingRun; fiftyViewers: AlarmsScalingRun };
};

/**
 * The AWS calls behind one table page view's alarms and auto scaling, for 1 viewer and for 50 concurrent viewers, cold
 * (each on a fresh dashboard) and warm (on `dashboardUrl`, after one view), with the three requests' latency.
 */
export async function benchAlarmsScaling(dashboardUrl: string, stack: LocalStack, log: (line: string) => void): Promise<AlarmsScalingBench> {
  const actions = watchScalingActions(stack);
  try {
    const oneViewer = await coldRun(stack, actions, 1, log);
    if (oneViewer.seen.alarms === 0 || oneViewer.seen.targets === 0 || !oneViewer.seen.diagnosisReadAlarms || !oneViewer.seen.diagnosisReadScaling) {
      throw new Error(`${TABLE} has no alarms or auto scaling to read, or the diagnosis could not read them: ${JSON.stringify(oneViewer.seen)}; was the stack seeded?`);
    }
    log(`alarms/scaling bench: cold, 1 viewer: ${oneViewer.totalCalls} calls`);
    const fiftyViewers = await coldRun(stack, actions, VIEWERS, log);
    log(`alarms/scaling bench: cold, ${VIEWERS} viewers: ${fiftyViewers.totalCalls} calls`);

    await quietMoment(actions);
    await pageView(dashboardUrl);
    const warmOne = { ...(await measure(dashboardUrl, stack, actions, 1, WARM_VIEWS)), attempts: 1 };
    await quietMoment(actions);
    await pageView(dashboardUrl);
    const warmFifty = { ...(await measure(dashboardUrl, stack, actions, VIEWERS, 1)), attempts: 1 };
    return {
      table: TABLE,
      pageRequests: Object.values(PAGE_REQUESTS),
      cold: { oneViewer, fiftyViewers, ratio: oneViewer.totalCalls > 0 ? Math.round((fiftyViewers.totalCalls / oneViewer.totalCalls) * 100) / 100 : null },
      warm: { oneViewer: warmOne, fiftyViewers: warmFifty },
    };
  } finally {
    actions.unsubscribe();
  }
}

const callsText = (calls: Calls) => OPERATIONS.map((operation) => `${operation} ${calls[operation]}`).join(", ");
const latencyText = (run: AlarmsScalingRun) => `p50 ${run.latency.p50Ms} ms · p95 ${run.latency.p95Ms} ms (n=${run.latency.n})`;
const caveat = (run: AlarmsScalingRun) =>
  run.scalingActionsDuring > 0 || run.crossedMinute ? ` [${run.scalingActionsDuring} auto scaling action(s) during it${run.crossedMinute ? ", crossed a minute" : ""}: GetMetricData may include the local auto scaling's]` : "";

/** The bench table's rows for this bench. */
export function alarmsScalingRows(result: AlarmsScalingBench): Array<[string, string]> {
  const { cold, warm } = result;
  return [
    ["alarms + scaling calls per view, 1 viewer", `${cold.oneViewer.totalCalls} (${callsText(cold.oneViewer.calls)}), cold${caveat(cold.oneViewer)}`],
    [`alarms + scaling calls, ${VIEWERS} viewers`, `${cold.fiftyViewers.totalCalls} (${callsText(cold.fiftyViewers.calls)}), cold, ×${cold.ratio ?? "?"} one viewer's${caveat(cold.fiftyViewers)}`],
    ["alarms + scaling calls, warm", `${warm.oneViewer.totalCalls} for 1 viewer × ${warm.oneViewer.viewsPerViewer} views, ${warm.fiftyViewers.totalCalls} for ${VIEWERS} viewers${caveat(warm.oneViewer)}${caveat(warm.fiftyViewers)}`],
    ["alarms + scaling + diagnosis requests, cold", `1 viewer ${latencyText(cold.oneViewer)} · ${VIEWERS} viewers ${latencyText(cold.fiftyViewers)}`],
    ["alarms + scaling + diagnosis requests, warm", `1 viewer ${latencyText(warm.oneViewer)} · ${VIEWERS} viewers ${latencyText(warm.fiftyViewers)}`],
  ];
}
