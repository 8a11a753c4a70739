/**
 * The part of CloudWatch metric math the local alarms support: + - * /, parentheses, unary minus, numbers and the
 * ids of other queries. Anything else (functions such as FILL or SUM, SEARCH, METRICS(), comparisons) is refused
 * when the alarm is put, so an alarm never silently evaluates something else than AWS would. Pure.
 */

export type MathExpression =
  | { kind: "number"; value: number }
  | { kind: "id"; id: string }
  | { kind: "negate"; operand: MathExpression }
  | { kind: "binary"; operator: "+" | "-" | "*" | "/"; left: MathExpression; right: MathExpression };

export class MathExpressionError extends Error {}

const UNSUPPORTED =
  "The local CloudWatch supports only + - * /, parentheses, numbers and query ids in alarm expressions (no functions such as FILL, SUM or METRICS, no SEARCH)";

export function parseMathExpression(text: string): MathExpression {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text.charAt(at))) at += 1;
  };
  const fail = (what: string): never => {
    throw new MathExpressionError(`${UNSUPPORTED}; ${what} at position ${at + 1} of ${JSON.stringify(text)}.`);
  };

  const primary = (): MathExpression => {
    skipSpace();
    const rest = text.slice(at);
    if (rest.startsWith("(")) {
      at += 1;
      const inner = sum();
      skipSpace();
      if (text.charAt(at) !== ")") fail("a closing parenthesis is expected");
      at += 1;
      return inner;
    }
    if (rest.startsWith("-")) {
      at += 1;
      return { kind: "negate", operand: primary() };
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      at += number[0].length;
      return { kind: "number", value: Number(number[0]) };
    }
    // Query ids start with a lower-case letter and hold letters, digits and underscores (MetricDataQuery Id).
    const id = /^[a-z][A-Za-z0-9_]*/.exec(rest);
    if (id) {
      at += id[0].length;
      skipSpace();
      if (text.charAt(at) === "(") fail(`the function ${id[0]} is not supported`);
      return { kind: "id", id: id[0] };
    }
    const name = /^[A-Z_][A-Za-z0-9_]*/.exec(rest);
    return fail(name ? `${name[0]} is not supported` : rest === "" ? "the expression ends early" : `${JSON.stringify(rest.charAt(0))} is not supported`);
  };

  const product = (): MathExpression => {
    let left = primary();
    for (skipSpace(); text.charAt(at) === "*" || text.charAt(at) === "/"; skipSpace()) {
      const operator = text.charAt(at) === "*" ? "*" : "/";
      at += 1;
      left = { kind: "binary", operator, left, right: primary() };
    }
    return left;
  };

  function sum(): MathExpression {
    let left = product();
    for (skipSpace(); text.charAt(at) === "+" || text.charAt(at) === "-"; skipSpace()) {
      const operator = text.charAt(at) === "+" ? "+" : "-";
      at += 1;
      left = { kind: "binary", operator, left, right: product() };
    }
    return left;
  }

  const expression = sum();
  skipSpace();
  if (at < text.length) fail(`${JSON.stringify(text.charAt(at))} is not supported`);
  return expression;
}

export function referencedIds(expression: MathExpression): string[] {
  switch (expression.kind) {
    case "number":
      return [];
    case "id":
      return [expression.id];
    case "negate":
      return referencedIds(expression.operand);
    case "binary":
      return [...new Set([...referencedIds(expression.left), ...referencedIds(expression.right)])];
  }
}

/**
 * The value at one timestamp, or undefined when an operand has no datapoint there (CloudWatch's arithmetic on time
 * series keeps only timestamps every operand has) or the result is not finite (a division by zero).
 */
export function evaluateMathExpression(expression: MathExpression, valueOf: (id: string) => number | undefined): number | undefined {
  const result = evaluate(expression, valueOf);
  return result !== undefined && Number.isFinite(result) ? result : undefined;
}

function evaluate(expression: MathExpression, valueOf: (id: string) => number | undefined): number | undefined {
  switch (expression.kind) {
    case "number":
      return expression.value;
    case "id":
      return valueOf(expression.id);
    case "negate": {
      const operand = evaluate(expression.operand, valueOf);
      return operand === undefined ? undefined : -operand;
    }
    case "binary": {
      const left = evaluate(expression.left, valueOf);
      const right = evaluate(expression.right, valueOf);
      if (left === undefined || right === undefined) return undefined;
      if (expression.operator === "+") return left + right;
      if (expression.operator === "-") return left - right;
      if (expression.operator === "*") return left * right;
      return left / right;
    }
  }
}
