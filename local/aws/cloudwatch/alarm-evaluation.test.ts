import { describe, expect, it } from "vitest";
import { decideMetricAlarm, effectiveTreatMissingData, evaluationRangeLength, isBreaching, type MetricAlarmDecisionInput } from "./alarm-evaluation";
import type { AlarmState, ComparisonOperator, TreatMissingData } from "./alarm-schemas";
import { formatReasonTime, formatValue } from "./alarm-text";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 3, 14, 0);

/**
 * A series written as in CloudWatch's user guide, oldest first: "X" breaching, "0" not breaching, "-" missing; or
 * numbers. With the default GreaterThanThreshold 10, X is 15 and 0 is 5.
 */
function slots(pattern: string): MetricAlarmDecisionInput["slots"] {
  return pattern
    .trim()
    .split(/\s+/)
    .map((token, index) => ({
      timestampMs: T0 + index * MINUTE,
      value: token === "-" ? undefined : token === "X" ? 15 : token === "0" ? 5 : Number(token),
    }));
}

function decide(
  pattern: string,
  options: { n?: number; m?: number; mode?: TreatMissingData; operator?: ComparisonOperator; threshold?: number; current?: AlarmState } = {},
) {
  const series = slots(pattern);
  const n = options.n ?? 3;
  return decideMetricAlarm({
    slots: series,
    evaluationPeriods: n,
    datapointsToAlarm: options.m ?? n,
    threshold: options.threshold ?? 10,
    comparisonOperator: options.operator ?? "GreaterThanThreshold",
    treatMissingData: options.mode ?? "missing",
    currentState: options.current ?? "OK",
    nowMs: T0 + series.length * MINUTE,
    periodSeconds: 60,
    statistic: "Average",
  });
}

const MODES: TreatMissingData[] = ["missing", "ignore", "breaching", "notBreaching"];
const RETAIN = "retain";
type Expected = AlarmState | typeof RETAIN;

/** Each row: the data points, then the state for MISSING, IGNORE, BREACHING and NOT BREACHING, as the doc's tables give them. */
function checkTable(rows: Array<[string, Expected, Expected, Expected, Expected]>, n: number, m: number): void {
  for (const [pattern, ...expected] of rows) {
    MODES.forEach((mode, index) => {
      for (const current of ["OK", "ALARM", "INSUFFICIENT_DATA"] as const) {
        const want = expected[index] === RETAIN ? current : expected[index];
        const decision = decide(pattern, { n, m, mode, current });
        expect({ pattern, mode, current, state: decision.state }).toEqual({ pattern, mode, current, state: want });
        expect(decision.decided).toBe(expected[index] !== RETAIN);
      }
    });
  }
}

describe("decideMetricAlarm reproduces the user guide's missing-data tables (evaluation range 5)", () => {
  it("Datapoints to Alarm 3 of Evaluation Periods 3", () => {
    expect(evaluationRangeLength(3)).toBe(5);
    checkTable(
      [
        ["0 - X - X", "OK", "OK", "OK", "OK"], // 3 real points, 2 breaching < 3
        ["0 - - - -", "OK", "OK", "OK", "OK"], // breaching fills only 2 of 3: 0 X X
        ["- - - - -", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"],
        ["0 X X - X", "ALARM", "ALARM", "ALARM", "ALARM"], // most recent 3 real points: X X X
        ["- - - - X", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"],
        ["X - - - -", "ALARM", RETAIN, "ALARM", "OK"], // the oldest breaching point is 5 periods old (>= 3): premature-transition rule
      ],
      3,
      3,
    );
  });

  it("Datapoints to Alarm 2 of Evaluation Periods 3", () => {
    checkTable(
      [
        ["0 - X - X", "ALARM", "ALARM", "ALARM", "ALARM"],
        ["0 0 X 0 X", "ALARM", "ALARM", "ALARM", "ALARM"], // most recent 3 real points: X 0 X
        ["0 - X - -", "OK", "OK", "ALARM", "OK"], // breaching fills one: 0 X X
        ["- - - - 0", "OK", "OK", "ALARM", "OK"],
        ["- - - - X", "INSUFFICIENT_DATA", RETAIN, "ALARM", "OK"],
      ],
      3,
      2,
    );
  });
});

describe("each comparison operator, threshold 10, 1 out of 1 (every point present)", () => {
  // The last point decides; the value equal to the threshold separates the strict operators from the others.
  const cases: Array<[ComparisonOperator, string, AlarmState]> = [
    ["GreaterThanThreshold", "5 5 11", "ALARM"],
    ["GreaterThanThreshold", "5 5 10", "OK"],
    ["GreaterThanOrEqualToThreshold", "5 5 10", "ALARM"],
    ["GreaterThanOrEqualToThreshold", "5 5 9.99", "OK"],
    ["LessThanThreshold", "5 5 9", "ALARM"],
    ["LessThanThreshold", "5 5 10", "OK"],
    ["LessThanOrEqualToThreshold", "5 5 10", "ALARM"],
    ["LessThanOrEqualToThreshold", "5 5 10.01", "OK"],
  ];
  for (const [operator, pattern, state] of cases) {
    it(`${operator}: ${pattern} -> ${state}`, () => {
      expect(decide(pattern, { n: 1, m: 1, operator }).state).toBe(state);
    });
  }

  it("isBreaching agrees at the threshold", () => {
    expect([isBreaching(10, "GreaterThanThreshold", 10), isBreaching(10, "GreaterThanOrEqualToThreshold", 10)]).toEqual([false, true]);
    expect([isBreaching(10, "LessThanThreshold", 10), isBreaching(10, "LessThanOrEqualToThreshold", 10)]).toEqual([false, true]);
  });
});

describe("M out of N", () => {
  it("2 of 4: two breaching points anywhere among the last 4, not necessarily consecutive", () => {
    // range 6: 0 0 | X 0 X 0 -> last 4 real = X 0 X 0: 2 breaching -> ALARM
    expect(decide("0 0 X 0 X 0", { n: 4, m: 2 }).state).toBe("ALARM");
    // 0 0 | 0 0 X 0 -> 1 breaching -> OK
    expect(decide("0 0 0 0 X 0", { n: 4, m: 2 }).state).toBe("OK");
  });

  it("3 of 5 counts only the most recent 5 real points when more exist", () => {
    // range 7: X X | 0 0 X 0 X -> last 5 = 0 0 X 0 X: 2 breaching < 3 -> OK although 4 of the 7 breach
    expect(decide("X X 0 0 X 0 X", { n: 5, m: 3 }).state).toBe("OK");
  });

  it("fills as few missing points as possible: every real point in the range counts", () => {
    // 2 of 3, range 5: X - - - 0 with breaching -> X, 0 and one filled breaching point: 2 -> ALARM
    expect(decide("X - - - 0", { n: 3, m: 2, mode: "breaching" }).state).toBe("ALARM");
    // the same with notBreaching -> X 0 0: 1 -> OK
    expect(decide("X - - - 0", { n: 3, m: 2, mode: "notBreaching" }).state).toBe("OK");
  });
});

describe("TreatMissingData when every point is missing", () => {
  it("missing -> INSUFFICIENT_DATA, breaching -> ALARM, notBreaching -> OK, ignore keeps any state", () => {
    expect(decide("- - - - -", { mode: "missing", current: "ALARM" }).state).toBe("INSUFFICIENT_DATA");
    expect(decide("- - - - -", { mode: "breaching" }).state).toBe("ALARM");
    expect(decide("- - - - -", { mode: "notBreaching", current: "ALARM" }).state).toBe("OK");
    for (const current of ["OK", "ALARM", "INSUFFICIENT_DATA"] as const) {
      expect(decide("- - - - -", { mode: "ignore", current })).toMatchObject({ state: current, decided: false });
    }
  });

  it("AWS/DynamoDB alarms always ignore missing data, whatever TreatMissingData says", () => {
    expect(effectiveTreatMissingData("breaching", ["AWS/DynamoDB"])).toBe("ignore");
    expect(effectiveTreatMissingData(undefined, ["AWS/DynamoDB"])).toBe("ignore");
    expect(effectiveTreatMissingData(undefined, ["Custom"])).toBe("missing");
    expect(effectiveTreatMissingData("notBreaching", ["Custom"])).toBe("notBreaching");
  });
});

describe("StateReason and StateReasonData", () => {
  it("names the breaching datapoints, newest first, in CloudWatch's format", () => {
    const decision = decide("0 0 0 15 12", { n: 2, m: 2 });
    const t3 = formatReasonTime(T0 + 3 * MINUTE);
    const t4 = formatReasonTime(T0 + 4 * MINUTE);
    expect(t4).toBe("03/12/26 14:04:00");
    expect(decision.reason).toBe(
      `Threshold Crossed: 2 out of the last 2 datapoints [12.0 (${t4}), 15.0 (${t3})] were greater than the threshold (10.0) (minimum 2 datapoints for OK -> ALARM transition).`,
    );
    expect(JSON.parse(decision.reasonData)).toMatchObject({
      version: "1.0",
      statistic: "Average",
      period: 60,
      threshold: 10,
      recentDatapoints: [5, 5, 5, 15, 12],
      evaluatedDatapoints: [
        { timestamp: "2026-12-03T14:04:00.000+0000", value: 12 },
        { timestamp: "2026-12-03T14:03:00.000+0000", value: 15 },
      ],
    });
  });

  it("says which datapoints were not breaching when the alarm is OK", () => {
    expect(decide("X X X 0 X", { n: 1, m: 1 }).reason).toBe(
      `Threshold Crossed: 1 out of the last 1 datapoints [15.0 (${formatReasonTime(T0 + 4 * MINUTE)})] was greater than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).`,
    );
    expect(decide("X X X X 8", { n: 1, m: 1 }).reason).toBe(`Threshold Crossed: 1 datapoint [8.0 (${formatReasonTime(T0 + 4 * MINUTE)})] was not greater than the threshold (10.0).`);
    expect(decide("- - - - -", { mode: "notBreaching" }).reason).toBe(
      "Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [NonBreaching].",
    );
    expect(decide("- - - - -").reason).toBe("Insufficient Data: 3 datapoints were unknown.");
  });

  it("prints values as CloudWatch does", () => {
    expect([formatValue(15), formatValue(0.25), formatValue(1e7), formatValue(-3), formatValue(0.0001)]).toEqual(["15.0", "0.25", "1.0E7", "-3.0", "1.0E-4"]);
  });
});
