import { describe, expect, it } from "vitest";
import { evaluateMathExpression, MathExpressionError, parseMathExpression, referencedIds } from "./metric-math";

const values: Record<string, number | undefined> = { m1: 6, m2: 3, m3: 0, gone: undefined };
const evaluate = (text: string) => evaluateMathExpression(parseMathExpression(text), (id) => values[id]);

describe("alarm metric math", () => {
  it("computes + - * / with precedence, parentheses, unary minus and numbers (m1=6, m2=3)", () => {
    expect(evaluate("m1 + m2 * 2")).toBe(12);
    expect(evaluate("(m1 + m2) * 2")).toBe(18);
    expect(evaluate("m1 / m2 - 1")).toBe(1);
    expect(evaluate("100 * m2 / m1")).toBe(50);
    expect(evaluate("-m1 + 10")).toBe(4);
    expect(evaluate("m1 - m2 - 1")).toBe(2); // left-associative
    expect(evaluate("1.5e1")).toBe(15);
  });

  it("has no value where an operand has none, or for a division by zero", () => {
    expect(evaluate("m1 + gone")).toBeUndefined();
    expect(evaluate("m1 / m3")).toBeUndefined();
  });

  it("lists the query ids it uses", () => {
    expect(referencedIds(parseMathExpression("(m1 + m2) / m1 * 100"))).toEqual(["m1", "m2"]);
  });

  it("refuses functions and anything beyond arithmetic, naming what it supports", () => {
    for (const unsupported of ["FILL(m1, 0)", "SUM(METRICS())", "m1 > 5", "m1 ^ 2", "SEARCH('{AWS/DynamoDB}', 'Sum', 60)", "fill(m1, 0)", "m1 +", "(m1"]) {
      expect(() => parseMathExpression(unsupported), unsupported).toThrow(MathExpressionError);
    }
    expect(() => parseMathExpression("FILL(m1, 0)")).toThrow(/supports only \+ - \* \//);
  });
});
