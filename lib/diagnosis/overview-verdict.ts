/**
 * A table's line in the overview's triage list, from the verdicts `diagnose` gave on the overview's inputs. A full
 * check read everything the table page reads, so its worst verdict is the page's. A partial check says what it did
 * not check, and never turns "nothing found" into "healthy". Client-safe, pure.
 */
import { worstVerdict } from "./diagnose";
import type { NotChecked, OverviewDiagnosisInputs, OverviewTableVerdict } from "./diagnosis-response";
import type { Verdict } from "./diagnosis-types";

export const PARTIAL_TITLE = "No problem found in the checks that ran, but not every check could run.";

/** The checks that could not run for lack of an input, each with its reason. */
export function notCheckedFrom(inputs: OverviewDiagnosisInputs): NotChecked[] {
  const missing: NotChecked[] = [];
  if (!inputs.metrics.ok) missing.push({ check: "capacity, throttling and request mix", reason: `CloudWatch metrics could not be read: ${inputs.metrics.error}` });
  const insights = inputs.contributorInsights;
  if (!insights.ok) missing.push({ check: "busiest keys", reason: "skipped" in insights ? insights.skipped : `Contributor Insights could not be read: ${insights.error}` });
  if (inputs.alarms && !inputs.alarms.ok) missing.push({ check: "alarms", reason: `CloudWatch alarms could not be read: ${inputs.alarms.error}` });
  if (inputs.scaling && !inputs.scaling.ok) missing.push({ check: "auto scaling", reason: `Auto scaling could not be read: ${inputs.scaling.error}` });
  if (inputs.changes && !inputs.changes.ok) missing.push({ check: "changes", reason: `The change history (CloudTrail) could not be read: ${inputs.changes.error}` });
  if (inputs.baselines && !inputs.baselines.ok) missing.push({ check: "baselines", reason: `The same hour yesterday and last week could not be read: ${inputs.baselines.error}` });
  if (inputs.cost && !inputs.cost.ok) missing.push({ check: "capacity mode cost", reason: `The cost could not be worked out: ${inputs.cost.error}` });
  return missing;
}

function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
}

/** "Partial check: capacity, throttling and request mix only; busiest keys not checked. Open the table for the full check." */
export function partialNote(inputs: OverviewDiagnosisInputs, notChecked: readonly NotChecked[]): string {
  const checked = [
    inputs.metrics.ok ? "capacity, throttling and request mix" : null,
    inputs.contributorInsights.ok ? "busiest keys" : null,
    inputs.keySample ? "storage skew" : null,
    inputs.sizeAudit ? "item sizes" : null,
    inputs.alarms?.ok ? "alarms" : null,
    inputs.scaling?.ok ? "auto scaling" : null,
    inputs.changes?.ok ? "changes" : null,
    inputs.baselines?.ok ? "baselines" : null,
    inputs.cost?.ok ? "capacity mode cost" : null,
  ].filter((part): part is string => part !== null);
  const ran = checked.length > 0 ? `${listText(checked)} only` : "nothing could be checked";
  return `Partial check: ${ran}; ${listText(notChecked.map((entry) => entry.check))} not checked. Open the table for the full check.`;
}

export function overviewVerdict(verdicts: readonly Verdict[], inputs: OverviewDiagnosisInputs): OverviewTableVerdict {
  const notChecked = notCheckedFrom(inputs);
  const worst = worstVerdict(verdicts);
  if (notChecked.length === 0) {
    // `diagnose` always ends with a data verdict unless another one fired; an empty list would be a rules bug.
    if (!worst) return { kind: "no-data", severity: "info", title: "The diagnosis reported nothing for this table.", check: "full", notChecked, partialNote: null, inputs };
    return { kind: worst.kind, severity: worst.severity, title: worst.title, check: "full", notChecked, partialNote: null, inputs };
  }
  const note = partialNote(inputs, notChecked);
  // "Healthy" needs every check; what a partial check found wrong is still worth showing as it is.
  if (!worst || worst.severity === "ok") return { kind: "partial-check", severity: "info", title: PARTIAL_TITLE, check: "partial", notChecked, partialNote: note, inputs };
  return { kind: worst.kind, severity: worst.severity, title: worst.title, check: "partial", notChecked, partialNote: note, inputs };
}

/**
 * Which tables get their Contributor Insights reports read: those with it enabled, in triage order (most trouble
 * first), at most `max`. A report is one GetInsightRuleReport call per rule (up to four per table and GSI), which
 * cannot be batched across tables.
 */
export function tablesToReport(order: readonly string[], enabled: ReadonlySet<string>, max: number): Set<string> {
  return new Set(order.filter((name) => enabled.has(name)).slice(0, max));
}
