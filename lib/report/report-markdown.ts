/**
 * The incident report as Markdown that pastes into a ticket: headings, the verdicts as a list with their evidence,
 * tables for hot keys, alarms, scaling activities and changes, and each chart as one line (peak, total) with its live
 * link. Every string from AWS or the account is escaped, so a `|`, `*` or `<` in a name cannot break a table or
 * become markup. Client-safe, pure.
 */
import { formatPeriod } from "@/lib/metrics/metric-series";
import { chartSummary } from "./chart-summary";
import { reportCharts } from "./report-charts";
import { reportFacts, verdictInputsNote, windowSourceNote } from "./report-facts";
import { evidenceHref, tablePageHref } from "./report-links";
import { sectionProblem, type ReportModel } from "./report-model";
import { alarmBlocks, changeBlocks, hotKeyBlocks, scalingBlocks, type Cell, type ReportBlock } from "./report-tables";

/**
 * Text safe anywhere inline, table cells included: one line; emphasis, code, link brackets, HTML, strike-through and
 * pipes backslash-escaped; `&` written as an entity so "&lt;" stays text. Lines never start with this text, so the
 * line-start markers (#, +, -, 1.) need no escape.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/&/g, "&amp;");
}

/** A link target that cannot end the link early or break out of a table. */
function mdUrl(url: string): string {
  return url.replace(/[()<>\s|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const mdLink = (text: string, url: string) => `[${mdText(text)}](${mdUrl(url)})`;
const mdCell = (cell: Cell) => (cell.href ? mdLink(cell.text, cell.href) : mdText(cell.text) || " ");

function blocksMd(blocks: readonly ReportBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === "note") return [mdText(block.text), ""];
    const { caption, columns, rows } = block.table;
    return [
      `**${mdText(caption)}**`,
      "",
      `| ${columns.map(mdText).join(" | ")} |`,
      `|${columns.map(() => " --- ").join("|")}|`,
      ...rows.map((row) => `| ${row.map(mdCell).join(" | ")} |`),
      "",
    ];
  });
}

function verdictsMd(model: ReportModel, chartIds: ReadonlySet<string>): string[] {
  const failed = sectionProblem(model.diagnosis);
  if (failed || !model.diagnosis.ok) return [mdText(`The diagnosis ${failed ?? ""}`), ""];
  const diagnosis = model.diagnosis.value;
  const notes = [windowSourceNote(diagnosis), verdictInputsNote(diagnosis)].filter((text): text is string => text !== null);
  const lines = notes.flatMap((text) => [mdText(text), ""]);
  diagnosis.verdicts.forEach((verdict, position) => {
    lines.push(`${position + 1}. **${verdict.severity.toUpperCase()}: ${mdText(verdict.title)}**`);
    for (const evidence of verdict.evidence) {
      // An anchor in the HTML report means nothing in a ticket: chart evidence links to the live charts instead.
      const target = evidenceHref(model, evidence.link, chartIds);
      const href = target?.href.startsWith("#") ? tablePageHref(model) : target?.href;
      lines.push(`   - ${mdText(evidence.label)} _(${mdText(evidence.source.replaceAll("-", " "))})_${target && href ? ` ${mdLink(target.text, href)}` : ""}`);
    }
    lines.push(`   - What to do: ${mdText(verdict.suggestion)}`);
  });
  return [...lines, ""];
}

function chartsMd(model: ReportModel): string[] {
  const failed = sectionProblem(model.metrics);
  if (failed || !model.metrics.ok) return [mdText(`CloudWatch metrics ${failed ?? ""}`), ""];
  const lines = [mdText(`${formatPeriod(model.metrics.value.period)} periods. The charts are in the HTML report and on the live page.`), ""];
  for (const group of reportCharts(model)) {
    lines.push(`### ${mdText(group.index === null ? "Table" : `GSI ${group.index}`)} (${mdLink("live charts", tablePageHref(model, group.index))})`, "");
    for (const entry of group.charts) lines.push(`- **${mdText(entry.chart.title)}**: ${mdText(chartSummary(entry.chart))}`);
    lines.push("");
  }
  return lines;
}

/** The whole report as Markdown. */
export function renderReportMarkdown(model: ReportModel): string {
  const chartIds = new Set(reportCharts(model).flatMap((group) => group.charts.map((entry) => entry.anchor)));
  const detailProblem = sectionProblem(model.detail);
  const lines = [
    `# Incident report: ${mdText(model.table)}`,
    "",
    ...reportFacts(model).map((fact) => `- **${mdText(fact.label)}:** ${fact.href ? mdLink(fact.value, fact.href) : mdText(fact.value)}`),
    "",
    ...(detailProblem ? [mdText(`The table description ${detailProblem}`), ""] : []),
    "## Verdicts",
    "",
    ...verdictsMd(model, chartIds),
    "## Capacity, throttling, alarms and scaling",
    "",
    ...chartsMd(model),
    "## Hot keys",
    "",
    ...blocksMd(hotKeyBlocks(model)),
    "## Alarms",
    "",
    ...blocksMd(alarmBlocks(model)),
    "## Auto scaling",
    "",
    ...blocksMd(scalingBlocks(model)),
    "## Changes",
    "",
    ...blocksMd(changeBlocks(model)),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
