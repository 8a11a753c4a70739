import type { AlarmState, ComparisonOperator, TreatMissingData } from "./alarm-schemas";
import { formatDataTime, formatReasonTime, formatValue, OPERATOR_PHRASE, plural, wasWere } from "./alarm-text";

/**
 * A metric alarm's decision, as CloudWatch documents it ("Evaluating an alarm" and "How alarm state is evaluated
 * when data is missing" in the CloudWatch user guide). Pure: the caller reads the datapoints.
 *
 * CloudWatch reads an *evaluation range* longer than EvaluationPeriods (N). Then:
 * - when at least N datapoints exist in the range, the most recent N existing ones are evaluated and
 *   TreatMissingData plays no part;
 * - when fewer exist, `breaching` / `notBreaching` fill the gap up to N (using missing points as few times as
 *   possible: every real point in the range counts); `missing` and `ignore` evaluate the real ones alone:
 *   ALARM when at least M (DatapointsToAlarm) breach, OK when any real point is not breaching, otherwise undecided;
 * - "avoiding premature transitions": with `missing`, the alarm still goes to ALARM when every real point
 *   breaches and the oldest of them is at least M periods old;
 * - undecided: `missing` goes to INSUFFICIENT_DATA, `ignore` keeps the current state; with no data at all,
 *   `breaching` goes to ALARM and `notBreaching` to OK.
 * The doc's two tables (3 of 3 and 2 of 3, a range of 5) are reproduced by alarm-evaluation.test.ts.
 */

export type Slot = { timestampMs: number; value: number | undefined };

export type MetricAlarmDecisionInput = {
  /** The evaluation range, oldest first, one slot per period (value undefined when the period has no datapoint). */
  slots: readonly Slot[];
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  /** The effective treatment (see effectiveTreatMissingData). */
  treatMissingData: TreatMissingData;
  currentState: AlarmState;
  /** For StateReasonData. */
  nowMs: number;
  periodSeconds: number;
  statistic?: string;
  unit?: string;
};

export type MetricAlarmDecision = {
  state: AlarmState;
  /** False when `ignore` kept the state because the data could not decide it. */
  decided: boolean;
  reason: string;
  /** The JSON string DescribeAlarms returns as StateReasonData. */
  reasonData: string;
};

/**
 * How many periods CloudWatch reads. AWS says only that it is more than EvaluationPeriods and depends on the period
 * and resolution; its worked examples read 5 for 3, so the local service reads N + 2.
 */
export const evaluationRangeLength = (evaluationPeriods: number) => evaluationPeriods + 2;

/**
 * AWS documents (PutMetricAlarm, TreatMissingData) that alarms on AWS/DynamoDB metrics always ignore missing data,
 * whatever TreatMissingData says: they keep their state while the metric has no data.
 */
export function effectiveTreatMissingData(configured: TreatMissingData | undefined, namespaces: readonly string[]): TreatMissingData {
  return namespaces.includes("AWS/DynamoDB") ? "ignore" : (configured ?? "missing");
}

export function isBreaching(value: number, operator: ComparisonOperator, threshold: number): boolean {
  switch (operator) {
    case "GreaterThanOrEqualToThreshold":
      return value >= threshold;
    case "GreaterThanThreshold":
      return value > threshold;
    case "LessThanThreshold":
      return value < threshold;
    case "LessThanOrEqualToThreshold":
      return value <= threshold;
  }
}

type Point = { timestampMs: number; value: number; breaching: boolean };

const listPoints = (points: readonly Point[]) =>
  `[${[...points].sort((a, b) => b.timestampMs - a.timestampMs).map((p) => `${formatValue(p.value)} (${formatReasonTime(p.timestampMs)})`).join(", ")}]`;

export function decideMetricAlarm(input: MetricAlarmDecisionInput): MetricAlarmDecision {
  const n = input.evaluationPeriods;
  const m = input.datapointsToAlarm;
  const phrase = OPERATOR_PHRASE[input.comparisonOperator];
  const threshold = formatValue(input.threshold);
  const real: Point[] = input.slots.flatMap((slot) =>
    slot.value === undefined ? [] : [{ timestampMs: slot.timestampMs, value: slot.value, breaching: isBreaching(slot.value, input.comparisonOperator, input.threshold) }],
  );
  const evaluated = real.length >= n ? real.slice(real.length - n) : real;
  const fills = Math.max(0, n - evaluated.length);
  const mode = input.treatMissingData;

  const reasonData = JSON.stringify({
    version: "1.0",
    queryDate: formatDataTime(input.nowMs),
    startDate: formatDataTime(input.slots[0]?.timestampMs ?? input.nowMs),
    ...(input.statistic !== undefined ? { statistic: input.statistic } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
    period: input.periodSeconds,
    recentDatapoints: real.map((p) => p.value),
    threshold: input.threshold,
    evaluatedDatapoints: [...evaluated].reverse().map((p) => ({ timestamp: formatDataTime(p.timestampMs), value: p.value })),
  });
  const decide = (state: AlarmState, reason: string): MetricAlarmDecision => ({ state, decided: true, reason, reasonData });
  const keep = (): MetricAlarmDecision => ({ state: input.currentState, decided: false, reason: "", reasonData });

  if (real.length === 0) {
    const noData = `no datapoints were received for ${plural(n, "period")} and ${plural(n, "missing datapoint")} ${wasWere(n)} treated as`;
    if (mode === "breaching") return decide("ALARM", `Threshold Crossed: ${noData} [Breaching].`);
    if (mode === "notBreaching") return decide("OK", `Threshold Crossed: ${noData} [NonBreaching].`);
    if (mode === "ignore") return keep();
    return decide("INSUFFICIENT_DATA", `Insufficient Data: ${plural(n, "datapoint")} ${wasWere(n)} unknown.`);
  }

  const breaching = evaluated.filter((p) => p.breaching);
  const notBreaching = evaluated.filter((p) => !p.breaching);
  const filled = mode === "breaching" || mode === "notBreaching" ? fills : 0;
  const breachCount = breaching.length + (mode === "breaching" ? filled : 0);
  const fillNote = filled === 0 ? "" : `, with ${plural(filled, "missing datapoint")} treated as [${mode === "breaching" ? "Breaching" : "NonBreaching"}]`;

  if (breachCount >= m) {
    return decide(
      "ALARM",
      `Threshold Crossed: ${breachCount} out of the last ${n} datapoints ${listPoints(breaching)} ${wasWere(breachCount)} ${phrase} the threshold (${threshold})${fillNote} (minimum ${plural(m, "datapoint")} for OK -> ALARM transition).`,
    );
  }
  if (notBreaching.length > 0 || mode === "notBreaching") {
    const count = notBreaching.length + (mode === "notBreaching" ? filled : 0);
    const listed = notBreaching.length > 0 ? ` ${listPoints(notBreaching)}` : "";
    return decide("OK", `Threshold Crossed: ${plural(count, "datapoint")}${listed} ${wasWere(count)} not ${phrase} the threshold (${threshold})${fillNote}.`);
  }
  if (mode === "breaching") {
    // Unreachable: with breaching fills every one of the N points breaches, and M <= N.
    return decide("ALARM", `Threshold Crossed: ${breachCount} out of the last ${n} datapoints were ${phrase} the threshold (${threshold})${fillNote}.`);
  }
  // Every real point breaches, but fewer than M of them: "avoiding premature transitions to alarm state".
  const oldest = real[0];
  const oldestAge = oldest ? input.slots.length - input.slots.findIndex((slot) => slot.timestampMs === oldest.timestampMs) : 0;
  if (oldestAge >= m) {
    if (mode === "ignore") return keep();
    return decide(
      "ALARM",
      `Threshold Crossed: ${plural(real.length, "datapoint")} ${listPoints(real)} ${wasWere(real.length)} ${phrase} the threshold (${threshold}) and the more recent datapoints are missing (the oldest breaching datapoint is at least ${plural(m, "period")} old).`,
    );
  }
  if (mode === "ignore") return keep();
  const unknown = n - real.length;
  return decide("INSUFFICIENT_DATA", `Insufficient Data: ${plural(unknown, "datapoint")} ${wasWere(unknown)} unknown.`);
}
