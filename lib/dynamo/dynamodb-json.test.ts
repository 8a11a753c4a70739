import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { KeyInputError, parseKeyJson, toDynamoDbJson } from "./dynamodb-json";
import { KeyInputError as KeyInputErrorFromKeyInput } from "./key-input";
import type { WireItem } from "./wire-value";

describe("toDynamoDbJson", () => {
  it("keeps the item's key order and N as strings", () => {
    const item: WireItem = { z: { N: "12345678901234567890123456789012345678" }, a: { L: [{ NULL: true }] } };
    expect(toDynamoDbJson(item)).toBe('{"z":{"N":"12345678901234567890123456789012345678"},"a":{"L":[{"NULL":true}]}}');
    expect(toDynamoDbJson(item, 2)).toBe(JSON.stringify(item, null, 2));
    expect(JSON.parse(toDynamoDbJson(item))).toEqual(item);
  });
});

describe("parseKeyJson", () => {
  const keys = ["PK", "SK"];

  it("parses a composite key and returns it in key-schema order", () => {
    const key = parseKeyJson('{"SK":{"N":"007"},"PK":{"S":"user#1"}}', keys);
    expect(key).toEqual({ PK: { S: "user#1" }, SK: { N: "007" } });
    expect(Object.keys(key)).toEqual(keys);
    expect(parseKeyJson('{"id":{"B":"AQID"}}', ["id"])).toEqual({ id: { B: "AQID" } });
  });

  it.each([
    ["not JSON", "{PK:", /not valid JSON/],
    ["an array", "[]", /must be a JSON object like \{"PK":\{"S":"…"\},"SK":\{"S":"…"\}\}/],
    ["null", "null", /must be a JSON object/],
    ["a missing attribute", '{"PK":{"S":"a"}}', /missing the attribute SK/],
    ["an extra attribute", '{"PK":{"S":"a"},"SK":{"S":"b"},"x":{"S":"c"}}', /unexpected attribute x/],
    ["a non-key type", '{"PK":{"S":"a"},"SK":{"SS":["b"]}}', /SK must be of type S, N or B, not SS/],
    ["a BOOL", '{"PK":{"BOOL":true},"SK":{"S":"b"}}', /PK must be of type S, N or B, not BOOL/],
    ["a bad number", '{"PK":{"S":"a"},"SK":{"N":"1e"}}', /not valid DynamoDB JSON at SK/],
    ["bad base64", '{"PK":{"S":"a"},"SK":{"B":"!!"}}', /not valid DynamoDB JSON at SK/],
    ["an unwrapped value", '{"PK":"a","SK":{"S":"b"}}', /not valid DynamoDB JSON at PK/],
    ["two types in one value", '{"PK":{"S":"a","N":"1"},"SK":{"S":"b"}}', /not valid DynamoDB JSON/],
    ["an empty string", '{"PK":{"S":""},"SK":{"S":"b"}}', /PK must not be empty/],
    ["empty binary", '{"PK":{"S":"a"},"SK":{"B":""}}', /SK must not be empty/],
  ])("rejects %s", (_label, text, message) => {
    expect(() => parseKeyJson(text, keys)).toThrow(message);
    expect(() => parseKeyJson(text, keys)).toThrow(KeyInputError);
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses the name %s without touching any prototype", (name) => {
    const text = `{"PK":{"S":"a"},"${name}":{"S":"x"}}`;
    expect(() => parseKeyJson(text, ["PK", name])).toThrow(/forbidden attribute name/);
    expect(() => parseKeyJson(text, ["PK"])).toThrow(KeyInputError);
    expect(({} as Record<string, unknown>).S).toBeUndefined();
  });

  it("does not mistake inherited properties for key attributes", () => {
    expect(() => parseKeyJson('{"PK":{"S":"a"}}', ["PK", "toString"])).toThrow(/missing the attribute toString/);
  });

  it("is one error class, a 400 AppError, whichever module it is imported from", () => {
    expect(KeyInputErrorFromKeyInput).toBe(KeyInputError);
    try {
      parseKeyJson("{", keys);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ name: "KeyInputError", status: 400, code: "BAD_REQUEST" });
      expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    }
  });
});
