/**
 * The incident report as ONE self-contained HTML file: inline CSS and SVG, no script, no font, image or stylesheet to
 * fetch; the only URLs are plain links back to the live views. Readable without the dashboard, printable on A4 and
 * Letter. Every string from AWS or the account (names, keys, alarm reasons) is escaped. Client-safe, pure.
 */
import type { Verdict } from "@/lib/diagnosis/diagnosis-types";
import { formatPeriod } from "@/lib/metrics/metric-series";
import { chartSummary } from "./chart-summary";
import { REPORT_CSS } from "./report-css";
import { reportCharts, type ReportChartGroup } from "./report-charts";
import { reportFacts, verdictInputsNote, windowSourceNote } from "./report-facts";
import { evidenceHref, tablePageHref } from "./report-links";
import { sectionProblem, type ReportModel } from "./report-model";
import { alarmBlocks, changeBlocks, hotKeyBlocks, scalingBlocks, type Cell, type ReportBlock } from "./report-tables";
import { renderSvgChart } from "./svg-chart";
import { escapeXml as esc } from "./svg-text";

const link = (href: string, text: string, className = "") => `<a href="${esc(href)}"${className ? ` class="${className}"` : ""}>${esc(text)}</a>`;
const problem = (text: string) => `<p class="note problem">${esc(text)}</p>`;

function cellHtml(cell: Cell): string {
  return cell.href ? link(cell.href, cell.text) : esc(cell.text);
}

function blocksHtml(blocks: readonly ReportBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === "note") return `<p class="note">${esc(block.text)}</p>`;
      const { caption, columns, rows } = block.table;
      const head = `<thead><tr>${columns.map((column) => `<th scope="col">${esc(column)}</th>`).join("")}</tr></thead>`;
      const body = `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cellHtml(cell)}</td>`).join("")}</tr>`).join("")}</tbody>`;
      return `<table><caption>${esc(caption)}</caption>${head}${body}</table>`;
    })
    .join("\n");
}

function verdictHtml(model: ReportModel, verdict: Verdict, chartIds: ReadonlySet<string>): string {
  const evidence = verdict.evidence
    .map((item) => {
      const target = evidenceHref(model, item.link, chartIds);
      return `<li>${esc(item.label)} <span class="source">(${esc(item.source.replaceAll("-", " "))}${item.metric ? `: ${esc(item.metric)}` : ""})</span>${target ? ` ${link(target.href, target.text)}` : ""}</li>`;
    })
    .join("");
  return (
    `<li class="verdict ${esc(verdict.severity)}"><p><span class="severity">${esc(verdict.severity.toUpperCase())}</span><span class="verdict-title">${esc(verdict.title)}</span></p>` +
    `${evidence ? `<ul>${evidence}</ul>` : ""}<p><strong>What to do:</strong> ${esc(verdict.suggestion)}</p></li>`
  );
}

function verdictsHtml(model: ReportModel, chartIds: ReadonlySet<string>): string {
  const failed = sectionProblem(model.diagnosis);
  if (failed || !model.diagnosis.ok) return problem(`The diagnosis ${failed ?? ""}`);
  const diagnosis = model.diagnosis.value;
  const notes = [windowSourceNote(diagnosis), verdictInputsNote(diagnosis)].filter((text): text is string => text !== null);
  return `${notes.map((text) => `<p class="note">${esc(text)}</p>`).join("")}<ol class="verdicts">${diagnosis.verdicts.map((verdict) => verdictHtml(model, verdict, chartIds)).join("")}</ol>`;
}

function chartsHtml(model: ReportModel, groups: readonly ReportChartGroup[]): string {
  const failed = sectionProblem(model.metrics);
  if (failed || !model.metrics.ok) return problem(`CloudWatch metrics ${failed ?? ""}`);
  const period = formatPeriod(model.metrics.value.period);
  return groups
    .map((group) => {
      const heading = group.index === null ? "Table" : `GSI ${group.index}`;
      const figures = group.charts.map(
        (entry) => `<figure id="${esc(entry.anchor)}">${renderSvgChart(entry.chart, entry.overlays, { id: entry.anchor, plotHeight: entry.chart.empty ? 70 : 200 })}${entry.chart.empty ? "" : `<figcaption>${esc(chartSummary(entry.chart))}</figcaption>`}</figure>`,
      );
      return `<h3>${esc(heading)} <span class="live">· ${link(tablePageHref(model, group.index), "live charts", "live")}</span></h3><p class="note">${esc(period)} periods; capacity per second, throttles per period.</p>${figures.join("\n")}`;
    })
    .join("\n");
}

function headerHtml(model: ReportModel): string {
  const facts = reportFacts(model)
    .map((fact) => `<dt>${esc(fact.label)}</dt><dd>${fact.href ? link(fact.href, fact.value, "live") : esc(fact.value)}</dd>`)
    .join("");
  return `<header><h1>Incident report: ${esc(model.table)}</h1><dl class="meta">${facts}</dl></header>`;
}

/** The whole report as an HTML document. */
export function renderReportHtml(model: ReportModel): string {
  const groups = reportCharts(model);
  const chartIds = new Set(groups.flatMap((group) => group.charts.map((entry) => entry.anchor)));
  const detailProblem = sectionProblem(model.detail);
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    // The file may be opened anywhere: it forbids itself every fetch, and sends no referrer with its links.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><meta name="referrer" content="no-referrer">`,
    `<title>${esc(`Incident report: ${model.table}, ${new Date(model.window.start).toISOString()}`)}</title><style>${REPORT_CSS}</style></head><body>`,
    headerHtml(model),
    detailProblem ? problem(`The table description ${detailProblem}`) : "",
    `<section><h2 id="verdicts">Verdicts</h2>${verdictsHtml(model, chartIds)}</section>`,
    `<section><h2 id="charts">Capacity, throttling, alarms and scaling</h2>${chartsHtml(model, groups)}</section>`,
    `<section><h2 id="hot-keys">Hot keys</h2>${blocksHtml(hotKeyBlocks(model))}</section>`,
    `<section><h2 id="alarms">Alarms</h2>${blocksHtml(alarmBlocks(model))}</section>`,
    `<section><h2 id="scaling">Auto scaling</h2>${blocksHtml(scalingBlocks(model))}</section>`,
    `<section><h2 id="changes">Changes</h2>${blocksHtml(changeBlocks(model))}</section>`,
    `<footer>Written by Dynamo Lens from CloudWatch, Contributor Insights, Application Auto Scaling and CloudTrail as they answered at ${esc(new Date(model.generatedAt).toISOString())}. Times are UTC. Read-only: nothing was changed to write it.</footer>`,
    "</body></html>",
  ].join("\n");
}
