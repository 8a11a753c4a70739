import type { AlarmState } from "./alarm-schemas";

/**
 * A composite alarm's AlarmRule, as PutCompositeAlarm documents it: ALARM(x), OK(x) and INSUFFICIENT_DATA(x) over
 * other alarms (named, in double quotes or not, or by ARN), joined with AND, OR and NOT, grouped with parentheses,
 * and the constants TRUE and FALSE. Pure: parsing and evaluation over the children's states.
 */

export type AlarmRule =
  | { kind: "state"; state: AlarmState; alarm: string }
  | { kind: "constant"; value: boolean }
  | { kind: "not"; operand: AlarmRule }
  | { kind: "and" | "or"; left: AlarmRule; right: AlarmRule };

export class AlarmRuleError extends Error {}

const ALARM_ARN = /^arn:aws[a-z-]*:cloudwatch:[^:]+:\d{12}:alarm:(.+)$/;

/** The alarm a rule names: an ARN names the alarm after `alarm:` (the caller checks the account and region). */
export function alarmNameOf(reference: string): string {
  return ALARM_ARN.exec(reference)?.[1] ?? reference;
}

export function parseAlarmRule(text: string): AlarmRule {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text.charAt(at))) at += 1;
  };
  const fail = (message: string): never => {
    throw new AlarmRuleError(`${message} at position ${at + 1} of the AlarmRule.`);
  };
  const word = (): string => {
    skipSpace();
    const match = /^[A-Za-z_]+/.exec(text.slice(at));
    return match ? match[0] : "";
  };

  const reference = (): string => {
    skipSpace();
    let name: string;
    if (text.charAt(at) === '"') {
      const end = text.indexOf('"', at + 1);
      if (end < 0) fail("An alarm name's closing quote is missing");
      name = text.slice(at + 1, end);
      at = end + 1;
      skipSpace();
    } else {
      const end = text.indexOf(")", at);
      if (end < 0) fail("A closing parenthesis is missing");
      name = text.slice(at, end).trim();
      at = end;
    }
    if (name === "") fail("An alarm name is missing");
    if (text.charAt(at) !== ")") fail("A closing parenthesis is expected");
    at += 1;
    return name;
  };

  const primary = (): AlarmRule => {
    skipSpace();
    if (text.charAt(at) === "(") {
      at += 1;
      const inner = orExpression();
      skipSpace();
      if (text.charAt(at) !== ")") fail("A closing parenthesis is expected");
      at += 1;
      return inner;
    }
    const keyword = word();
    if (keyword === "TRUE" || keyword === "FALSE") {
      at += keyword.length;
      return { kind: "constant", value: keyword === "TRUE" };
    }
    if (keyword === "NOT") {
      at += keyword.length;
      return { kind: "not", operand: primary() };
    }
    if (keyword === "ALARM" || keyword === "OK" || keyword === "INSUFFICIENT_DATA") {
      at += keyword.length;
      skipSpace();
      if (text.charAt(at) !== "(") fail(`${keyword} must be followed by an alarm in parentheses`);
      at += 1;
      return { kind: "state", state: keyword, alarm: alarmNameOf(reference()) };
    }
    return fail(keyword === "" ? "An alarm state function, TRUE, FALSE, NOT or a parenthesis is expected" : `Unknown word ${keyword}`);
  };

  const andExpression = (): AlarmRule => {
    let left = primary();
    while (word() === "AND") {
      at += 3;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };

  function orExpression(): AlarmRule {
    let left = andExpression();
    while (word() === "OR") {
      at += 2;
      left = { kind: "or", left, right: andExpression() };
    }
    return left;
  }

  const rule = orExpression();
  skipSpace();
  if (at < text.length) fail(`Unexpected ${JSON.stringify(text.slice(at, at + 20))}`);
  return rule;
}

/** The alarm names a rule refers to, each once. */
export function referencedAlarms(rule: AlarmRule): string[] {
  const names = new Set<string>();
  const visit = (node: AlarmRule): void => {
    if (node.kind === "state") names.add(node.alarm);
    else if (node.kind === "not") visit(node.operand);
    else if (node.kind === "and" || node.kind === "or") {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(rule);
  return [...names];
}

/** True when the rule holds; a child that no longer exists is in no state, so every state function on it is false. */
export function evaluateAlarmRule(rule: AlarmRule, stateOf: (alarm: string) => AlarmState | undefined): boolean {
  switch (rule.kind) {
    case "state":
      return stateOf(rule.alarm) === rule.state;
    case "constant":
      return rule.value;
    case "not":
      return !evaluateAlarmRule(rule.operand, stateOf);
    case "and":
      return evaluateAlarmRule(rule.left, stateOf) && evaluateAlarmRule(rule.right, stateOf);
    case "or":
      return evaluateAlarmRule(rule.left, stateOf) || evaluateAlarmRule(rule.right, stateOf);
  }
}
