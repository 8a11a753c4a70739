import "server-only";
import type { ReportFormat, ReportModel } from "@/lib/report/report-model";
import { renderReportHtml } from "@/lib/report/report-html";
import { renderReportMarkdown } from "@/lib/report/report-markdown";
import { REPORT_CSP } from "@/lib/security/csp";

const CONTENT_TYPES: Record<ReportFormat, string> = { html: "text/html; charset=utf-8", md: "text/markdown; charset=utf-8" };

/** "Sessions-20261203T1405Z": the table and the window's start, safe in a file name (table names are [A-Za-z0-9_.-]). */
export function reportFileName(model: Pick<ReportModel, "table" | "requested">, format: ReportFormat): string {
  const start = new Date(model.requested.start).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z").replace(/(T\d{4})\d{2}Z$/, "$1Z");
  return `${model.table.replace(/[^A-Za-z0-9_.-]/g, "_")}-${start}.${format}`;
}

/** The report body in the asked format. Pure rendering: the e2e and the bench call it on a gathered model. */
export function renderReport(model: ReportModel, format: ReportFormat): string {
  return format === "html" ? renderReportHtml(model) : renderReportMarkdown(model);
}

/**
 * Shown in the browser (inline), saved under a name that says which table and when. The CSP repeats the one proxy.ts
 * sets for this path (lib/security/csp.ts), for a response served without the proxy. Per user and role: never cached.
 */
export function reportResponse(model: ReportModel, format: ReportFormat): Response {
  return new Response(renderReport(model, format), {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `inline; filename="${reportFileName(model, format)}"`,
      "Content-Security-Policy": REPORT_CSP,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
