import { describe, expect, it } from "vitest";
import type { ChangeEffect, TableChange } from "@/lib/changes/change-types";
import { parseEnv } from "@/lib/env";
import { causePhrase, leadText } from "./change-rules";
import { diagnose } from "./diagnose";
import type { DiagnosisInput, Verdict } from "./diagnosis-types";
import { at, gsi, hotKeyInput, metricsFor, MINUTE, range, T0, tableDetail, traffic, underProvisionedInput } from "./test-fixtures";

const DEPLOY = "arn:aws:sts::123456789012:assumed-role/deploy/ci-42";

function change(minute: number, effects: ChangeEffect[], overrides: Partial<TableChange> = {}): TableChange {
  return {
    id: `e${minute}`,
    at: T0 + minute * MINUTE,
    eventName: "UpdateTable",
    eventSource: "dynamodb.amazonaws.com",
    who: DEPLOY,
    whoDigested: false,
    resource: "table/Sessions",
    index: null,
    kind: "capacity",
    summary: ["write capacity 20 → 5"],
    error: null,
    effects,
    automatic: false,
    ...overrides,
  };
}

const lowered: ChangeEffect = { type: "capacity", index: null, direction: "write", from: 20, to: 5 };
const withChanges = (input: DiagnosisInput, changes: TableChange[], complete = true) => diagnose({ ...input, changes: { changes, complete } });
const changedBefore = (verdicts: Verdict[]) => verdicts.filter((verdict) => verdict.kind === "changed-before");

/** Sessions (underProvisionedInput) throttles writes from minute 10 to 19; the window starts at T0 (minute 0). */
describe("changed-before", () => {
  it("names a capacity decrease shortly before throttling began, with who made it and the onset on its chart", () => {
    const verdicts = withChanges(underProvisionedInput(), [change(-1, [lowered])]);
    const [verdict] = changedBefore(verdicts);
    expect(verdict).toMatchObject({
      severity: "critical",
      index: null,
      title: "Write capacity was lowered from 20 to 5 eleven minutes before throttling of writes began.",
    });
    expect(verdict?.evidence.map((entry) => entry.label)).toEqual([
      `13:59 UTC, eleven minutes before the throttling began: UpdateTable by ${DEPLOY}: write capacity 20 → 5`,
      "Throttling of writes began at 14:10 UTC (the first minute with throttle events in this range)",
      "400 WriteProvisionedThroughputThrottleEvents between 14:10 and 14:20 UTC (at most 40 per 1 min, at 14:10 UTC)",
    ]);
    expect(verdict?.evidence[0]).toMatchObject({ source: "change", metric: "UpdateTable" });
    expect(verdict?.evidence[1]?.link).toEqual({ kind: "chart", seriesId: "table/WriteProvisionedThroughputThrottleEvents/Sum" });
    // The cause is named first among the critical verdicts; the shortfall it caused is still reported.
    expect(verdicts.map((entry) => entry.kind).slice(0, 2)).toEqual(["changed-before", "under-provisioned-writes"]);
  });

  it("names the change nearest the onset in the title and lists every one in the lead time", () => {
    const scaling: ChangeEffect = { type: "scaling-removed", index: null, direction: "write" };
    const [verdict] = changedBefore(withChanges(underProvisionedInput(), [change(-15, [lowered]), change(7, [scaling], { eventName: "DeregisterScalableTarget", eventSource: "autoscaling.amazonaws.com", summary: ["auto scaling turned off for the table's writes"] })]));
    expect(verdict?.title).toBe("Auto scaling was turned off for the table's writes three minutes before throttling of writes began.");
    expect(verdict?.evidence.filter((entry) => entry.source === "change").map((entry) => entry.metric)).toEqual(["DeregisterScalableTarget", "UpdateTable"]);
  });

  it("does not fire for a change after the onset, before the lead time, failed, automatic, or that cannot cause it", () => {
    const input = underProvisionedInput();
    const raised: ChangeEffect = { type: "capacity", index: null, direction: "write", from: 5, to: 20 };
    const reads: ChangeEffect = { type: "capacity", index: null, direction: "read", from: 20, to: 5 };
    const otherIndex: ChangeEffect = { type: "capacity", index: "GSI9", direction: "write", from: 20, to: 5 };
    const cases: TableChange[][] = [
      [change(12, [lowered])],
      [change(-21, [lowered])],
      [change(-1, [], { error: "LimitExceededException: too many decreases" })],
      [change(-1, [lowered], { automatic: true })],
      [change(-1, [raised])],
      [change(-1, [reads])],
      [change(-1, [otherIndex])],
      [change(-1, [{ type: "index-deleted", index: "Old" }])],
    ];
    for (const changes of cases) expect(changedBefore(withChanges(input, changes)), JSON.stringify(changes[0]?.effects)).toEqual([]);
    // The same change inside the lead time fires: the cases differ only in what they say.
    expect(changedBefore(withChanges(input, [change(-19, [lowered])]))).toHaveLength(1);
  });

  it("honours a configured lead time", () => {
    const input = underProvisionedInput();
    const short = { ...input, thresholds: { ...input.thresholds, changeLeadMs: 5 * MINUTE } };
    expect(changedBefore(withChanges(short, [change(-1, [lowered])]))).toEqual([]);
    expect(changedBefore(withChanges(short, [change(6, [lowered])]))).toHaveLength(1);
    expect(parseEnv({ CHANGE_LEAD_MINUTES: "45" }).changeLeadMinutes).toBe(45);
    expect(parseEnv({}).changeLeadMinutes).toBe(30);
    expect(() => parseEnv({ CHANGE_LEAD_MINUTES: "0" })).toThrow(/CHANGE_LEAD_MINUTES/);
  });

  it("says nothing when the throttling was under way from the window's first minute (its onset may be earlier)", () => {
    const table = tableDetail({ name: "Sessions", provisioned: { read: 10, write: 5 } });
    const metrics = metricsFor(table, [
      ...traffic(2, 5),
      { metric: "WriteProvisionedThroughputThrottleEvents", values: at(range(0, 10), 40) },
      { metric: "WriteThrottleEvents", values: at(range(0, 10), 40) },
    ]);
    expect(changedBefore(withChanges({ ...underProvisionedInput(), table, metrics }, [change(-1, [lowered])]))).toEqual([]);
  });

  it("ties a GSI's new index to the table's write throttling (back-pressure), as a warning for key-range throttles", () => {
    const table = tableDetail({ gsis: [gsi("ByStatus", { read: 5, write: 5 })] });
    const metrics = metricsFor(table, [
      ...traffic(100, 50),
      { metric: "WriteKeyRangeThroughputThrottleEvents", values: at(range(30, 40), 10) },
      { metric: "WriteThrottleEvents", values: at(range(30, 40), 10) },
    ]);
    const input = { ...hotKeyInput(), table, metrics, contributorInsights: null };
    const [verdict] = changedBefore(withChanges(input, [change(22, [{ type: "index-created", index: "ByStatus" }], { resource: "table/Shop/index/ByStatus", index: "ByStatus", kind: "index", summary: ["GSI ByStatus created"] })]));
    expect(verdict).toMatchObject({ severity: "warning", index: null, title: "The index ByStatus was created eight minutes before throttling of writes began." });
  });

  it("phrases every kind of cause, and none for the wrong resource or direction", () => {
    expect(causePhrase({ type: "on-demand-maximum", index: "GSI1", direction: "read", from: 400, to: 100 }, "GSI1", "read")).toBe("The index GSI1's on-demand maximum for reads was lowered from 400 to 100");
    expect(causePhrase({ type: "on-demand-maximum", index: null, direction: "write", from: "none", to: 100 }, null, "write")).toBe("On-demand maximum for writes was lowered from no maximum to 100");
    expect(causePhrase({ type: "on-demand-maximum", index: null, direction: "write", from: 100, to: "none" }, null, "write")).toBeNull();
    expect(causePhrase({ type: "billing", from: "PAY_PER_REQUEST", to: "PROVISIONED" }, "GSI1", "read")).toBe("The table was switched from on-demand to provisioned capacity");
    expect(causePhrase({ type: "scaling-maximum", index: null, direction: "write", from: 400, to: 100 }, null, "write")).toBe("Auto scaling's maximum for writes was lowered from 400 to 100");
    expect(causePhrase({ type: "scaling-minimum", index: "GSI1", direction: "write", from: 5, to: 1 }, "GSI1", "write")).toBe("Auto scaling's minimum for the index GSI1's writes was lowered from 5 to 1");
    expect(causePhrase({ type: "scaling-maximum", index: null, direction: "write", from: 100, to: 400 }, null, "write")).toBeNull();
    // A first registration's limits lower nothing by themselves (the demo registers GSI1's target as its history starts).
    expect(causePhrase({ type: "scaling-minimum", index: "GSI1", direction: "write", from: null, to: 5 }, "GSI1", "write")).toBeNull();
    expect(causePhrase({ type: "scaling-maximum", index: "GSI1", direction: "write", from: null, to: 10 }, "GSI1", "write")).toBeNull();
    expect(causePhrase({ type: "scaling-policy-removed", index: null, direction: "read", policy: "reads" }, null, "read")).toBe("The auto scaling policy reads for the table's reads was deleted");
    expect(causePhrase({ type: "capacity", index: null, direction: "write", from: null, to: 5 }, null, "write")).toBe("Write capacity was set to 5");
    expect(causePhrase({ type: "index-created", index: "ByStatus" }, null, "read")).toBeNull();
    expect([leadText(20_000), leadText(60_000), leadText(45 * MINUTE)]).toEqual(["less than a minute before", "one minute before", "45 minutes before"]);
  });

  it("changes nothing when there is no history, or when it could not be read", () => {
    const input = underProvisionedInput();
    const without = diagnose(input).map((verdict) => verdict.kind);
    expect(diagnose({ ...input, changes: null }).map((verdict) => verdict.kind)).toEqual(without);
    expect(diagnose({ ...input, changes: { changes: [], complete: false } }).map((verdict) => verdict.kind)).toEqual(without);
  });
});
