import { describe, expect, it } from "vitest";
import { entityName, typeId } from "./entity-naming";
import type { ResolvedKey } from "./key-pattern";

const key = (text: string, label: string | null): ResolvedKey => ({ text, skeleton: text, label, literals: label ? [label.toUpperCase()] : [] });

describe("entityName", () => {
  it("names composite, literal and self keys", () => {
    expect(entityName(null, key("CUSTOMER#{id}", "customer"), key("ORDER#{date}#{id}", "order"))).toEqual({ name: "order in customer", source: "keys" });
    expect(entityName(null, key("CUSTOMER#{id}", "customer"), key("PROFILE", "profile"))).toEqual({ name: "profile of customer", source: "keys" });
    expect(entityName(null, key("PRODUCT#{id}", "product"), key("PRODUCT#{id}", "product"))?.name).toBe("product");
    expect(entityName(null, key("{uuid}", null), key("ORDER#{id}", "order"))?.name).toBe("order");
    expect(entityName(null, key("{uuid}", null), null)).toBeNull();
  });

  it("uses the entity attribute, with the owner when the keys name another one", () => {
    expect(entityName("Order", key("CUSTOMER#{id}", "customer"), key("ORDER#{id}", "order"))).toEqual({ name: "Order in customer", source: "keys+attribute" });
    expect(entityName("Customer", key("CUSTOMER#{id}", "customer"), null)).toEqual({ name: "Customer", source: "keys+attribute" });
    expect(entityName("User", key("{uuid}", null), null)).toEqual({ name: "User", source: "attribute" });
  });
});

describe("typeId", () => {
  it("slugs and keeps ids unique", () => {
    const taken = new Set<string>();
    expect(typeId("order in customer", taken)).toBe("order-in-customer");
    expect(typeId("Order in customer", taken)).toBe("order-in-customer-2");
    expect(typeId("###", taken)).toBe("type");
  });
});
