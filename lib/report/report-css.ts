/**
 * The report's only stylesheet, inlined in the file. System fonts only (no web font to fetch). Print: no paper size is
 * forced, so the same file prints on A4 and on Letter with the printer's own; charts, verdicts and table rows do not
 * split across pages; severity is spelled out and bordered, so it reads in black and white. Client-safe.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0f172a; background: #fff; margin: 0 auto; padding: 24px 20px 48px; max-width: 960px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #cbd5e1; }
h3 { font-size: 15px; margin: 18px 0 6px; }
a { color: #0369a1; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0; }
.meta dt { font-weight: 600; color: #334155; }
.meta dd { margin: 0; }
.note { color: #334155; margin: 6px 0; }
.problem { border-left: 4px solid #b45309; padding: 4px 10px; background: #fffbeb; }
.verdicts { list-style: none; padding: 0; margin: 0; }
.verdict { border: 1px solid #cbd5e1; border-left-width: 6px; border-radius: 4px; padding: 8px 12px; margin: 8px 0; }
.verdict.critical { border-left-color: #be123c; }
.verdict.warning { border-left-color: #d97706; }
.verdict.info { border-left-color: #0284c7; }
.verdict.ok { border-left-color: #059669; }
.severity { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .05em; border: 1.5px solid currentColor; border-radius: 3px; padding: 0 5px; margin-right: 6px; }
.verdict.critical .severity { color: #be123c; }
.verdict.warning .severity { color: #b45309; }
.verdict.info .severity { color: #0369a1; }
.verdict.ok .severity { color: #047857; }
.verdict-title { font-weight: 600; }
.verdict ul { margin: 6px 0; padding-left: 20px; }
.source { color: #475569; font-size: 12px; }
figure { margin: 10px 0 18px; }
svg.chart { display: block; width: 100%; max-width: 720px; height: auto; border: 1px solid #e2e8f0; }
figcaption { font-size: 12px; color: #334155; margin-top: 4px; max-width: 720px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 12.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #cbd5e1; padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
/* The first column holds keys and names, which may be one long word (a base64 key): only it may break anywhere. */
td:first-child { overflow-wrap: anywhere; }
th { background: #f1f5f9; }
.live { font-size: 12px; }
footer { margin-top: 32px; font-size: 12px; color: #475569; border-top: 1px solid #cbd5e1; padding-top: 6px; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, .verdict, tr, .meta { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-width: 100%; border: none; }
  a { color: #0f172a; text-decoration: underline; }
  a.live::after { content: " (" attr(href) ")"; font-size: 9pt; overflow-wrap: anywhere; }
  .problem { background: none; }
}
`;
