import { describe, expect, it } from "vitest";
import { tableNameSchema } from "./table-name";

describe("tableNameSchema", () => {
  it.each(["abc", "Shop", "my_table.v2-prod", "a".repeat(255)])("accepts %s", (name) => {
    expect(tableNameSchema.safeParse(name).success).toBe(true);
  });
  it.each(["ab", "", "a".repeat(256), "has space", "semi;colon", "ünï", "../etc"])("rejects %j", (name) => {
    expect(tableNameSchema.safeParse(name).success).toBe(false);
  });
});
