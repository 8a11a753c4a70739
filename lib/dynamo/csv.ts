import type { WireItem, WireValue } from "./wire-value";

/**
 * CSV per RFC 4180: fields holding a comma, quote, CR or LF are quoted with inner quotes doubled; lines end CRLF.
 *
 * Formula injection: spreadsheets run a cell that starts with =, +, -, @ (or tab/CR, which some strip first) as a
 * formula. Only S values (and header names, which are also free text from the data) get a leading apostrophe,
 * which spreadsheets show as plain text. N cells are left alone: their text is only digits, sign, point and
 * exponent, so "-1" cannot be a formula, and prefixing it would turn numbers into text. B cells are base64, whose
 * alphabet has no parentheses, so no function call can be smuggled in. JSON cells start with { or [.
 * The apostrophe changes the exported text of such strings: that is the price of opening safely in Excel.
 */
export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns.map(guardFormula));
}

/** One item as a CSV line; a missing attribute and NULL are both an empty cell. */
export function csvRow(item: WireItem, columns: readonly string[]): string {
  return csvLine(columns.map((column) => (Object.hasOwn(item, column) ? csvCell(item[column]) : "")));
}

/** Key attributes first (the order a reader expects), then every other top-level name in first-seen order. */
export function csvColumns(keyAttributes: readonly string[], items: readonly WireItem[]): string[] {
  const columns = new Set(keyAttributes);
  for (const item of items) for (const name of Object.keys(item)) columns.add(name);
  return [...columns];
}

/** S and N raw, BOOL as true/false, NULL empty, B as base64; sets, lists and maps as compact DynamoDB JSON. */
export function csvCell(value: WireValue | undefined): string {
  if (value === undefined) return "";
  if ("S" in value) return guardFormula(value.S);
  if ("N" in value) return value.N;
  if ("B" in value) return value.B;
  if ("BOOL" in value) return value.BOOL ? "true" : "false";
  if ("NULL" in value) return "";
  return JSON.stringify(value);
}

const FORMULA_START = /^[=+\-@\t\r]/;

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}
