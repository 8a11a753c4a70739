import { NUMBER_PATTERN, type WireItem, type WireValue } from "./wire-value";

/**
 * "Plain" JSON of an item, the way people write documents by hand, but lossless: numbers are written from
 * DynamoDB's own digits and never pass through a JS number, so a 38-digit value keeps every digit.
 * The layout matches JSON.stringify(value, null, indent), including `{}` and `[]` for empty containers.
 * Sets become arrays (their type is lost, by design of the format); B and BS stay base64 strings.
 */
export function toPlainJson(item: WireItem, indent = 0): string {
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new RangeError(`indent must be an integer from 0 to 10, got ${indent}`);
  }
  return writeObject(Object.entries(item), " ".repeat(indent), "");
}

/**
 * A DynamoDB number as a JSON number token. Only what JSON's grammar forbids changes: a "+" sign, leading zeros
 * ("007" → "7") and a bare leading or trailing point (".5" → "0.5", "5." → "5"). Every significant digit, trailing
 * fractional zeros and the exponent are kept as written.
 */
export function toJsonNumber(text: string): string {
  const match = NUMBER_PATTERN.test(text) ? /^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+)?$/.exec(text) : null;
  if (!match) throw new RangeError(`"${text}" is not a DynamoDB number`);
  const [, sign = "", integer = "", fraction = "", exponent = ""] = match;
  const whole = integer.replace(/^0+(?=\d)/, "") || "0";
  return `${sign === "-" ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}${exponent}`;
}

function writeValue(value: WireValue, step: string, outer: string): string {
  if ("S" in value) return JSON.stringify(value.S);
  if ("N" in value) return toJsonNumber(value.N);
  if ("B" in value) return JSON.stringify(value.B);
  if ("BOOL" in value) return value.BOOL ? "true" : "false";
  if ("NULL" in value) return "null";
  if ("SS" in value) return writeArray(value.SS.map((member) => JSON.stringify(member)), step, outer);
  if ("NS" in value) return writeArray(value.NS.map(toJsonNumber), step, outer);
  if ("BS" in value) return writeArray(value.BS.map((member) => JSON.stringify(member)), step, outer);
  const inner = outer + step;
  if ("L" in value) return writeArray(value.L.map((element) => writeValue(element, step, inner)), step, outer);
  if ("M" in value) return writeObject(Object.entries(value.M), step, outer);
  // A viewer's redaction marker stays an object in plain JSON too, so it can't be mistaken for a real string.
  return writeObject([["REDACTED", { S: value.REDACTED }]], step, outer);
}

function writeObject(entries: Array<[string, WireValue]>, step: string, outer: string): string {
  const inner = outer + step;
  const separator = step === "" ? ":" : ": ";
  const members = entries.map(([key, value]) => `${JSON.stringify(key)}${separator}${writeValue(value, step, inner)}`);
  return wrap("{", members, "}", step, outer);
}

function writeArray(members: string[], step: string, outer: string): string {
  return wrap("[", members, "]", step, outer);
}

function wrap(open: string, members: string[], close: string, step: string, outer: string): string {
  if (members.length === 0) return open + close;
  if (step === "") return `${open}${members.join(",")}${close}`;
  const inner = outer + step;
  return `${open}\n${inner}${members.join(`,\n${inner}`)}\n${outer}${close}`;
}
