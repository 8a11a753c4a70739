import { describe, expect, it } from "vitest";
import { CHANGE, HOSTILE, HOT_KEY, ORIGIN, reportModel } from "./report-fixtures";
import { renderReportHtml } from "./report-html";
import { externalReferences } from "./report-references";

const textOf = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("renderReportHtml", () => {
  const html = renderReportHtml(reportModel());

  it("is one document with the header, verdicts with evidence, charts, hot keys, alarms, scaling and changes", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    const text = textOf(html);
    for (const expected of ["Incident report: Sessions", "prod / eu-west-1", "14:00–15:00 UTC on 2025-03-03", "2025-03-03 15:05:00 UTC", "an engineer"]) expect(text).toContain(expected);
    expect(text).toContain(`Writes are throttled: ${HOSTILE}`);
    expect(text).toContain("1,204 write throttle events between 14:20 and 14:30 UTC");
    expect(text).toContain("Raise the write capacity or turn on auto scaling.");
    // Table charts (reads, writes, throttles, utilization, requests) and GSI1's, which has data.
    expect(html.match(/<svg /g)).toHaveLength(9);
    expect(html).toContain('id="chart-gsi-GSI1-writes"');
    expect(text).toContain("provisioned throughput exceeded: 1,200 in total");
    expect(text).toContain(HOT_KEY);
    expect(text).toContain(`Sessions write throttles ${HOSTILE}`);
    expect(text).toContain("OK → ALARM");
    expect(text).toContain("Setting write capacity units to 120.");
    expect(text).toContain("2 times: AlreadyAtMaxCapacity");
    expect(text).toContain(CHANGE.summary[0]);
  });

  it("escapes hostile strings and holds no script, and nothing that would make a request", () => {
    expect(html).not.toMatch(/<script|<img|<link|<iframe/i);
    // Hostile text reads "onerror=" in a cell, escaped; no tag carries an event handler.
    expect((html.match(/<[A-Za-z][^>]*>/g) ?? []).filter((tag) => /\son\w+\s*=/i.test(tag))).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(externalReferences(html, ORIGIN)).toEqual([]);
    // Its own CSP, for a file opened outside the dashboard.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it("links back to the live views: the table page over the window in its scope, charts in the file, partitions in the browser", () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] ?? "").replaceAll("&amp;", "&"));
    expect(hrefs).toContain(`${ORIGIN}/tables/Sessions?start=1741010400000&end=1741014000000&account=prod&region=eu-west-1`);
    expect(hrefs).toContain(`${ORIGIN}/tables/Sessions?start=1741010400000&end=1741014000000&gsi=GSI1&account=prod&region=eu-west-1`);
    expect(hrefs).toContain(`${ORIGIN}/tables/Sessions/items?pk=CUSTOMER%230001&account=prod&region=eu-west-1`);
    // Chart evidence points at the chart in this file.
    expect(hrefs).toContain("#chart-table-throttles");
  });

  it("prints: a page rule, charts and verdicts kept whole, table headers repeated", () => {
    expect(html).toMatch(/@page \{[^}]*margin/);
    expect(html).toMatch(/figure, \.verdict, tr, \.meta \{ break-inside: avoid; page-break-inside: avoid; \}/);
    expect(html).toContain("thead { display: table-header-group; }");
    // No paper size is forced, so A4 and Letter both use the printer's.
    expect(html).not.toMatch(/size:\s*(A4|letter)/i);
  });

  it("gives a viewer's keys as digests without links, as the page does", () => {
    const base = reportModel();
    const insights = base.insights.ok ? base.insights.value : null;
    const digested = insights?.report ? { ...insights, keysDigested: true as const, report: { ...insights.report, resources: insights.report.resources.map((resource) => ({ ...resource, rules: { PKC: resource.rules.PKC ? { ...resource.rules.PKC, contributors: resource.rules.PKC.contributors.map((entry) => ({ ...entry, keys: ["#0123456789"] })) } : undefined } })) } } : null;
    const viewer = renderReportHtml(reportModel({ role: "viewer", keysDigested: true, insights: digested ? { ok: true, value: digested } : base.insights }));
    expect(textOf(viewer)).toContain("a viewer: key values are shown as digests");
    expect(viewer).toContain("#0123456789");
    expect(viewer).not.toContain("/items?");
  });

  it("says which sources could not be read, and still renders the rest", () => {
    const report = renderReportHtml(
      reportModel({ metrics: { ok: false, error: "CloudWatch is unreachable <b>" }, changes: { ok: false, unavailable: "the change history is not read yet." }, alarms: { ok: false, error: "Access denied." } }),
    );
    const text = textOf(report);
    expect(text).toContain("CloudWatch metrics could not be read: CloudWatch is unreachable <b>");
    expect(report).not.toContain("<b>");
    expect(text).toContain("The change history not available: the change history is not read yet.");
    expect(text).toContain("The alarms could not be read: Access denied.");
    expect(report).not.toContain("<svg ");
    expect(text).toContain(HOT_KEY);
  });
});
