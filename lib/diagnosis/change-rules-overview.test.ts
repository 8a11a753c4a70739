import { describe, expect, it } from "vitest";
import type { OverviewDiagnosisInputs } from "./diagnosis-response";
import { overviewVerdict } from "./overview-verdict";

const READ: OverviewDiagnosisInputs = { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 0 }, keySample: null, sizeAudit: null, changes: { ok: true, changes: 0, complete: true } };

describe("the overview's check of changes", () => {
  it("names the change history among the checks that ran, or that could not run and why", () => {
    const healthy = [{ kind: "healthy" as const, severity: "ok" as const, title: "fine", evidence: [], suggestion: "" }];
    expect(overviewVerdict(healthy, READ)).toMatchObject({ check: "full", kind: "healthy" });
    // A history cut short (throttled) was still read: the check is full.
    expect(overviewVerdict(healthy, { ...READ, changes: { ok: true, changes: 3, complete: false } })).toMatchObject({ check: "full" });
    const failed = overviewVerdict(healthy, { ...READ, changes: { ok: false, error: "The server's AWS credentials may not call cloudtrail:LookupEvents (AccessDeniedException)" } });
    expect(failed).toMatchObject({ check: "partial", kind: "partial-check" });
    expect(failed.notChecked).toEqual([{ check: "changes", reason: "The change history (CloudTrail) could not be read: The server's AWS credentials may not call cloudtrail:LookupEvents (AccessDeniedException)" }]);
    expect(failed.partialNote).toBe("Partial check: capacity, throttling and request mix and busiest keys only; changes not checked. Open the table for the full check.");
    const insightsFailed = overviewVerdict(healthy, { ...READ, contributorInsights: { ok: false, error: "denied" } });
    expect(insightsFailed.partialNote).toContain("and changes only");
  });
});
