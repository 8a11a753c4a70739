import { describe, expect, it } from "vitest";
import { AlarmRuleError, evaluateAlarmRule, parseAlarmRule, referencedAlarms } from "./alarm-rule";
import type { AlarmState } from "./alarm-schemas";

const states: Record<string, AlarmState> = { cpu: "ALARM", "disk full": "OK", latency: "INSUFFICIENT_DATA" };
const holds = (rule: string) => evaluateAlarmRule(parseAlarmRule(rule), (name) => states[name]);

describe("composite alarm rules", () => {
  it("state functions compare a child's state (cpu ALARM, 'disk full' OK, latency INSUFFICIENT_DATA)", () => {
    expect(holds('ALARM("cpu")')).toBe(true);
    expect(holds("ALARM(cpu)")).toBe(true);
    expect(holds('OK("disk full")')).toBe(true);
    expect(holds("OK(disk full)")).toBe(true);
    expect(holds("INSUFFICIENT_DATA(latency)")).toBe(true);
    expect(holds("ALARM(latency)")).toBe(false);
    expect(holds("ALARM(arn:aws:cloudwatch:us-east-1:111111111111:alarm:cpu)")).toBe(true);
  });

  it("AND binds tighter than OR; NOT and parentheses as written", () => {
    // ALARM(cpu)=T, OK(latency)=F, ALARM(disk full)=F
    expect(holds('ALARM(cpu) OR OK(latency) AND ALARM("disk full")')).toBe(true); // T OR (F AND F)
    expect(holds('(ALARM(cpu) OR OK(latency)) AND ALARM("disk full")')).toBe(false); // (T OR F) AND F
    expect(holds("NOT ALARM(cpu)")).toBe(false);
    expect(holds("NOT (OK(latency) OR ALARM(latency))")).toBe(true);
    expect(holds("ALARM(cpu) AND NOT OK(cpu)")).toBe(true);
  });

  it("TRUE and FALSE are constants; a deleted child is in no state", () => {
    expect(holds("TRUE")).toBe(true);
    expect(holds("FALSE OR FALSE")).toBe(false);
    expect(holds("ALARM(gone) OR OK(gone) OR INSUFFICIENT_DATA(gone)")).toBe(false);
  });

  it("lists the alarms it names, ARNs reduced to names", () => {
    expect(referencedAlarms(parseAlarmRule('ALARM("a") AND (OK(b) OR ALARM(arn:aws:cloudwatch:eu-west-1:222222222222:alarm:a))'))).toEqual(["a", "b"]);
  });

  it("refuses what it cannot parse, saying where", () => {
    for (const bad of ["", "ALARM(cpu", 'ALARM("cpu)', "ALARM()", "ALARM cpu", "ALARM(cpu) XOR OK(cpu)", "alarm(cpu)", "ALARM(cpu) AND"]) {
      expect(() => parseAlarmRule(bad), bad).toThrow(AlarmRuleError);
    }
    expect(() => parseAlarmRule("ALARM(cpu) XOR OK(cpu)")).toThrow(/position 12/);
  });
});
