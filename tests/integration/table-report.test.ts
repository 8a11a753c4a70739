// The incident report on the demo (issue 14): a frozen window of the demo stack's simulated history, rendered through
// the route as an engineer and as a viewer. It must hold what the live APIs say for the same window (verdicts,
// alarms, scaling activities, changes), draw the charts as inline SVG, digest keys for viewers, and refuse bad input.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as alarmsRoute from "@/app/api/tables/[table]/alarms/route";
import * as changesRoute from "@/app/api/tables/[table]/changes/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as reportRoute from "@/app/api/tables/[table]/report/route";
import * as scalingRoute from "@/app/api/tables/[table]/scaling/route";
import type { AlarmsResponse } from "@/lib/alarms/alarm-types";
import type { ChangesResponse } from "@/lib/changes/change-types";
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { externalReferences } from "@/lib/report/report-references";
import type { ScalingResponse } from "@/lib/scaling/scaling-types";
import { REPORT_CSP } from "@/lib/security/csp";
import { accessFor } from "@/lib/server/auth/access";
import { keyDigest } from "@/lib/server/auth/redact-item";
import { parseReportParams } from "@/lib/server/report/report-params";
import { renderReport } from "@/lib/server/report/report-response";
import { tableReportModel } from "@/lib/server/report/table-report";
import { HOT_CUSTOMER_PK } from "../../local/seed/shop-items";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";
import { ENGINEER, VIEWER, callAs } from "../support/auth-fixtures";
import { LOCAL_SCOPE } from "../support/local-scope";

// lib/env.ts parses these when a route first calls env(); the stack's endpoints are added before that, in beforeAll.
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre");

const ORIGIN = "http://localhost";
let stack: LocalStack;
let window: { start: number; end: number };

beforeAll(async () => {
  stack = await startLocalStack({ seed: true, historyMs: 30 * 60_000, workload: false, heapMb: 512 });
  for (const [name, value] of Object.entries(stack.dashboardEnv)) vi.stubEnv(name, value);
  // Frozen, so the report and the live APIs it is compared with resolve the same minutes.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now());
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  window = { start: end - 30 * 60_000, end };
}, 240_000);

afterAll(async () => {
  vi.useRealTimers();
  await stack?.stop();
});

const query = (format = "html") => `start=${window.start}&end=${window.end}&format=${format}`;
const report = (who: Record<string, string>, table: string, search = query()) => callAs(reportRoute.GET, who, `/api/tables/${table}/report?${search}`, { table });
type Get = typeof diagnosisRoute.GET;
/** A live API's JSON for the same table and window, as an engineer: what the report must agree with. */
const live = async <T,>(handler: Get, segment: string, table: string): Promise<T> => {
  const response = await callAs(handler, ENGINEER, `/api/tables/${table}/${segment}?start=${window.start}&end=${window.end}`, { table });
  expect(response.status, response.text).toBe(200);
  return JSON.parse(response.text) as T;
};
const unescape = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("the incident report on the demo", () => {
  it("serves Sessions as one self-contained HTML file with the verdicts, SVG charts, alarms and changes the live APIs give", async () => {
    const response = await report(ENGINEER, "Sessions");
    expect(response.status, response.text.slice(0, 500)).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="Sessions-\d{8}T\d{4}Z\.html"$/);
    expect(response.headers.get("content-security-policy")).toBe(REPORT_CSP);
    const html = response.text;
    const text = unescape(html);

    const diagnosis = await live<DiagnosisResponse>(diagnosisRoute.GET, "diagnosis", "Sessions");
    expect(diagnosis.verdicts.length).toBeGreaterThan(0);
    for (const verdict of diagnosis.verdicts) expect(text).toContain(verdict.title);
    // Sessions throttles on its writes in the demo: its charts are drawn, with the throttles stacked as bars.
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('id="chart-table-throttles"');
    expect(html).toMatch(/<figure id="chart-table-throttles"><svg [\s\S]*?<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#/);

    const alarms = await live<AlarmsResponse>(alarmsRoute.GET, "alarms", "Sessions");
    expect(alarms.alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms.alarms) expect(text).toContain(alarm.name);

    const changes = await live<ChangesResponse>(changesRoute.GET, "changes", "Sessions");
    // The demo's deploy role lowers Sessions' write capacity shortly before its throttling.
    expect(changes.changes.length).toBeGreaterThan(0);
    for (const change of changes.changes) for (const phrase of change.summary) expect(text).toContain(phrase);
    expect(text).toContain("20 → 5");

    expect(html).not.toMatch(/<script/i);
    expect(externalReferences(html, ORIGIN)).toEqual([]);
    expect(html).toContain(`href="${ORIGIN}/tables/Sessions?start=${window.start}&amp;end=${window.end}&amp;account=${LOCAL_SCOPE.account}&amp;region=${LOCAL_SCOPE.region}"`);
  });

  it("lists Shop's auto scaling targets and activities as the scaling API gives them", async () => {
    const scaling = await live<ScalingResponse>(scalingRoute.GET, "scaling", "Shop");
    expect(scaling.targets.length).toBeGreaterThan(0);
    const text = unescape((await report(ENGINEER, "Shop")).text);
    expect(text).toContain("Auto scaling targets");
    for (const target of scaling.targets) expect(text).toContain(`${target.minCapacity} – ${target.maxCapacity}`);
    const activities = scaling.targets.flatMap((target) => target.activities);
    expect(activities.length).toBeGreaterThan(0);
    for (const activity of activities) {
      // Real changes one row each; not-scaled records summed up per reason.
      expect(text).toContain(activity.notScaledReasons.length > 0 ? activity.notScaledReasons.join(", ") : activity.description);
    }
  });

  it("gives a viewer the hot key as a digest, never the raw key or a link to it", async () => {
    const engineer = await report(ENGINEER, "Shop");
    expect(engineer.text).toContain(HOT_CUSTOMER_PK);
    const viewer = await report(VIEWER, "Shop");
    expect(viewer.status).toBe(200);
    expect(viewer.text).not.toContain(HOT_CUSTOMER_PK);
    expect(viewer.text).not.toContain(encodeURIComponent(HOT_CUSTOMER_PK));
    expect(viewer.text).toContain(keyDigest(HOT_CUSTOMER_PK));
    expect(viewer.text).not.toContain("/items?");
    expect(unescape(viewer.text)).toContain("a viewer: key values are shown as digests");
    // The change history's identities are digests for a viewer too.
    const changes = await report(VIEWER, "Sessions");
    expect(changes.text).not.toMatch(/arn:aws:(iam|sts)::/);
  });

  it("serves Markdown for a ticket", async () => {
    const response = await report(ENGINEER, "Sessions", query("md"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/filename="Sessions-\d{8}T\d{4}Z\.md"/);
    expect(response.text.startsWith("# Incident report: Sessions\n")).toBe(true);
    expect(response.text).toContain("\n## Verdicts\n");
    expect(response.text).toMatch(/\n1\. \*\*(CRITICAL|WARNING): /);
  });

  it("answers bad windows and formats with a 400 that says what, and an unknown table with a 404", async () => {
    const cases = [
      [`end=${window.end}`, /start is required/],
      [`start=${window.start}`, /end is required/],
      [`start=2025-01-31T14:00:00&end=${window.end}`, /start must be epoch milliseconds or an ISO 8601 time with a zone/],
      [`range=1h&start=${window.start}&end=${window.end}`, /give start and end, not range/],
      [`start=${window.end}&end=${window.start}`, /start must be before end/],
      [`start=${window.end - 15 * 86_400_000}&end=${window.end}`, /longer than two weeks/],
      [`${query()}&format=pdf`.replace("format=html&", ""), /format must be one of html, md/],
    ] as const;
    for (const [search, message] of cases) {
      const response = await report(ENGINEER, "Sessions", search);
      expect(response.status, search).toBe(400);
      expect((JSON.parse(response.text) as { error: { message: string } }).error.message, search).toMatch(message);
    }
    expect((await report(ENGINEER, "NoSuchTable")).status).toBe(404);
  });

  it("renders a source that fails as 'could not be read', never a 500", async () => {
    const params = parseReportParams(new URL(`http://localhost/r?${query()}`), Date.now());
    const access = accessFor({ user: "eng@corp.example", role: "engineer" }, { redactAttributes: [], viewerShowsKeys: false });
    // CloudTrail cannot be made to fail this way on demand here: a reader that throws stands in for it.
    const model = await tableReportModel(LOCAL_SCOPE, "Sessions", params, access, { origin: ORIGIN, changes: () => Promise.reject(new Error("connection reset")) });
    expect(model.changes).toEqual({ ok: false, error: "an unexpected error (the server's log has the details)" });
    expect(model.diagnosis.ok && model.metrics.ok && model.alarms.ok).toBe(true);
    const html = renderReport(model, "html");
    expect(html).toContain("The change history could not be read: an unexpected error (the server&#39;s log has the details)");
    expect(html).not.toContain("connection reset");
  });
});
