import { describe, expect, it } from "vitest";
import { CHANGE, HOSTILE, ORIGIN, reportModel } from "./report-fixtures";
import { mdText, renderReportMarkdown } from "./report-markdown";

/** Cells of a table row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/**
 * A small structural check of GitHub-flavoured Markdown: tables have a separator row and every row the header's
 * column count, blank lines around tables, headings in order without skipped levels, links well formed (no spaces or
 * parentheses in a target), and no raw HTML tag or unescaped emphasis marker from data.
 */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  const lines = md.split("\n");
  let level = 0;
  lines.forEach((line, i) => {
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) {
      const depth = heading[1]?.length ?? 0;
      if (depth > level + 1) problems.push(`line ${i + 1}: heading level jumps to ${depth}`);
      level = depth;
    }
    if (/<[A-Za-z/][^>]*>/.test(line.replace(/\\</g, ""))) problems.push(`line ${i + 1}: raw HTML`);
    for (const link of line.matchAll(/\]\(([^)]*)\)/g)) if (/[\s<>]/.test(link[1] ?? "")) problems.push(`line ${i + 1}: bad link target`);
  });
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]?.startsWith("|")) continue;
    if (lines[i - 1] !== "") problems.push(`line ${i + 1}: no blank line before a table`);
    const columns = cells(lines[i] ?? "").length;
    if (!/^\|( --- \|)+$/.test(lines[i + 1] ?? "") || cells(lines[i + 1] ?? "").length !== columns) problems.push(`line ${i + 2}: bad separator row`);
    let j = i + 2;
    for (; lines[j]?.startsWith("|"); j++) if (cells(lines[j] ?? "").length !== columns) problems.push(`line ${j + 1}: ${cells(lines[j] ?? "").length} cells, header has ${columns}`);
    if (lines[j] !== "" && lines[j] !== undefined) problems.push(`line ${j + 1}: no blank line after a table`);
    i = j;
  }
  return problems;
}

describe("renderReportMarkdown", () => {
  const md = renderReportMarkdown(reportModel());

  it("is well formed, hostile strings included", () => {
    expect(markdownProblems(md)).toEqual([]);
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\| \\*bold\\* \\_x\\_ \\[link\\]");
  });

  it("the checker catches what it is meant to catch", () => {
    expect(markdownProblems("# A\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n")).toEqual(["line 5: 3 cells, header has 2"]);
    expect(markdownProblems("# A\n### C\n<b>x</b> [l](a b)\n")).toEqual(["line 2: heading level jumps to 3", "line 3: raw HTML", "line 3: bad link target"]);
    expect(markdownProblems(`\n| a |\n| --- |\n| ${mdText("x | y")} |\n`)).toEqual([]);
  });

  it("holds headings, the verdicts as a list with evidence, chart summaries with live links, and the tables", () => {
    expect(md.startsWith("# Incident report: Sessions\n")).toBe(true);
    for (const heading of ["## Verdicts", "## Capacity, throttling, alarms and scaling", "## Hot keys", "## Alarms", "## Auto scaling", "## Changes"]) expect(md).toContain(`\n${heading}\n`);
    expect(md).toMatch(/^1\. \*\*CRITICAL: Writes are throttled: /m);
    expect(md).toContain("   - 1,204 write throttle events between 14:20 and 14:30 UTC _(metric)_");
    expect(md).toContain("   - What to do: Raise the write capacity or turn on auto scaling.");
    // Charts in words: peak and total, with a link to the live charts.
    expect(md).toContain("provisioned throughput exceeded: 1,200 in total, at most 120 events per 1 min at 14:20 UTC");
    expect(md).toContain(`([live charts](${ORIGIN}/tables/Sessions?start=1741010400000&end=1741014000000&account=prod&region=eu-west-1))`);
    expect(md).toContain("| Time | Who | Call | What changed | Result |");
    expect(md).toContain(CHANGE.summary[0]);
    expect(md).toContain("| Start | Target | Status | What | Cause |");
    expect(md).toContain("| table writes | Successful | Setting write capacity units to 120. |");
  });

  it("writes a missing source as a sentence, not an empty table", () => {
    const missing = renderReportMarkdown(reportModel({ changes: { ok: false, unavailable: "not read yet." }, scaling: { ok: false, error: `boom ${HOSTILE}` } }));
    expect(markdownProblems(missing)).toEqual([]);
    expect(missing).toContain("The change history not available: not read yet.");
    expect(missing).toContain("Auto scaling could not be read: boom \\<script\\>");
  });
});
