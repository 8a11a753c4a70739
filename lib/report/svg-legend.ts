/** The legend under a report chart: one swatch and label per series and overlay, wrapped into rows. Client-safe, pure. */
import { escapeXml } from "./svg-text";

export type LegendSwatch =
  | { kind: "line"; color: string; dash: string }
  /** `pattern`: the id of a pattern drawn over the colour, as the chart draws it. */
  | { kind: "box"; color: string; pattern: string | null }
  | { kind: "mark"; color: string };

export type LegendEntry = { label: string; swatch: LegendSwatch };

const ROW_HEIGHT = 16;
const SWATCH_WIDTH = 18;
/** No font is measured on the server: a generous average width per character at 10 px keeps labels apart. */
const CHAR_WIDTH = 5.8;

function swatch(entry: LegendSwatch, x: number, y: number): string {
  const color = escapeXml(entry.color);
  if (entry.kind === "line") return `<line x1="${x}" x2="${x + SWATCH_WIDTH - 4}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${escapeXml(entry.dash)}"` : ""}/>`;
  if (entry.kind === "box") {
    const box = `x="${x}" y="${y - 5}" width="${SWATCH_WIDTH - 6}" height="10"`;
    return `<rect ${box} fill="${color}" stroke="#475569" stroke-width="0.5"/>${entry.pattern ? `<rect ${box} fill="url(#${escapeXml(entry.pattern)})"/>` : ""}`;
  }
  return `<line x1="${x + 6}" x2="${x + 6}" y1="${y - 6}" y2="${y + 6}" stroke="${color}" stroke-width="1.5"/>`;
}

/** Rows of entries within `width`, from (left, top); returns the SVG and the height it takes. */
export function legendRows(entries: readonly LegendEntry[], area: { left: number; top: number; width: number }): { svg: string; height: number } {
  if (entries.length === 0) return { svg: "", height: 0 };
  const parts: string[] = [];
  let x = area.left;
  let row = 0;
  for (const entry of entries) {
    const itemWidth = SWATCH_WIDTH + entry.label.length * CHAR_WIDTH + 14;
    if (x > area.left && x + itemWidth > area.left + area.width) {
      row++;
      x = area.left;
    }
    const y = area.top + row * ROW_HEIGHT;
    parts.push(`${swatch(entry.swatch, x, y)}<text x="${x + SWATCH_WIDTH}" y="${y}" dy="3.5" font-size="10" fill="#1e293b">${escapeXml(entry.label)}</text>`);
    x += itemWidth;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, height: (row + 1) * ROW_HEIGHT };
}
