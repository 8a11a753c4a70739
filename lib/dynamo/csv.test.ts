import { describe, expect, it } from "vitest";
import { csvCell, csvColumns, csvHeader, csvRow } from "./csv";
import type { WireItem, WireValue } from "./wire-value";

describe("csvHeader", () => {
  it("joins names with commas and ends with CRLF, quoting when needed", () => {
    expect(csvHeader(["PK", "SK", "a,b", 'say "hi"'])).toBe('PK,SK,"a,b","say ""hi"""\r\n');
    expect(csvHeader([])).toBe("\r\n");
  });

  it("guards attribute names against formulas, as they are free text too", () => {
    expect(csvHeader(["=cmd", "-x"])).toBe("'=cmd,'-x\r\n");
  });
});

describe("csvCell", () => {
  it.each<[WireValue, string]>([
    [{ S: "plain" }, "plain"],
    [{ S: "" }, ""],
    [{ N: "12345678901234567890123456789012345678" }, "12345678901234567890123456789012345678"],
    [{ N: "-1" }, "-1"],
    [{ N: "+5" }, "+5"],
    [{ BOOL: true }, "true"],
    [{ BOOL: false }, "false"],
    [{ NULL: true }, ""],
    [{ B: "+/8=" }, "+/8="],
    [{ SS: ["a", "b"] }, '{"SS":["a","b"]}'],
    [{ NS: ["1", "2"] }, '{"NS":["1","2"]}'],
    [{ BS: ["AQ=="] }, '{"BS":["AQ=="]}'],
    [{ L: [{ S: "x" }] }, '{"L":[{"S":"x"}]}'],
    [{ M: { a: { N: "1" } } }, '{"M":{"a":{"N":"1"}}}'],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("prefixes the string %j with an apostrophe", (text) => {
    expect(csvCell({ S: text })).toBe(`'${text}`);
  });

  it("leaves strings that only contain those characters later alone", () => {
    expect(csvCell({ S: "a=b" })).toBe("a=b");
    expect(csvCell({ S: " =1" })).toBe(" =1");
  });
});

describe("csvRow", () => {
  const item: WireItem = {
    PK: { S: "user#1" },
    note: { S: 'line 1\r\nline 2, "quoted"' },
    n: { N: "-0.5" },
    f: { S: "=HYPERLINK(\"x\")" },
    empty: { NULL: true },
  };

  it("follows RFC 4180 and puts cells in column order", () => {
    expect(csvRow(item, ["PK", "n", "note", "missing", "empty", "f"])).toBe(
      'user#1,-0.5,"line 1\r\nline 2, ""quoted""",,,"\'=HYPERLINK(""x"")"\r\n',
    );
  });

  it("quotes a guarded string that starts with CR", () => {
    expect(csvRow({ s: { S: "\rboom" } }, ["s"])).toBe("\"'\rboom\"\r\n");
  });

  it("does not read inherited properties as attributes", () => {
    expect(csvRow({}, ["constructor", "toString"])).toBe(",\r\n");
  });
});

describe("csvColumns", () => {
  it("puts key attributes first, then other names in first-seen order", () => {
    const items: WireItem[] = [
      { b: { S: "1" }, SK: { S: "s" }, PK: { S: "p" } },
      { a: { S: "1" }, b: { S: "2" }, PK: { S: "p" } },
      { c: { S: "1" } },
    ];
    expect(csvColumns(["PK", "SK"], items)).toEqual(["PK", "SK", "b", "a", "c"]);
    expect(csvColumns(["PK"], [])).toEqual(["PK"]);
  });
});
