import "server-only";
import { tableChangesIn } from "@/lib/changes/change-list";
import type { ChangesInput } from "@/lib/diagnosis/change-rules";
import type { DiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import { changesReadWindow, presentChanges, scopeChangesFor } from "@/lib/server/changes/table-changes";
import { settle } from "./alarms-source";
import { sourceFailure } from "./diagnosis-sources";

export type ChangesSource = { changes: ChangesInput["changes"]; inputs: NonNullable<DiagnosisInputs["changes"]> };

/**
 * The change history for the diagnosis of some tables of one scope, read the same way for a table page (one table) and
 * the overview (all of them), so both hand `diagnose` the same facts: the scope's one cached CloudTrail read for the
 * window and the lead time before it (the read the changes API makes for the same window). Identities are digested for
 * a viewer before the rules run, so the verdicts' evidence carries the digest. Failing is a missing input, never a
 * failed diagnosis; a throttled, partial read still counts, and says it is incomplete.
 */
export async function changesSources(scope: Scope, tableNames: readonly string[], window: MetricWindow, access: Access, nowMs: number): Promise<Map<string, ChangesSource>> {
  const sources = new Map<string, ChangesSource>();
  const read = await settle(scopeChangesFor(scope, window, nowMs));
  if (read.status === "rejected") {
    const error = sourceFailure(read.reason, "CloudTrail change history");
    for (const name of tableNames) sources.set(name, { changes: null, inputs: { ok: false, error } });
    return sources;
  }
  const span = changesReadWindow(window);
  for (const name of tableNames) {
    const changes = presentChanges(tableChangesIn(read.value.changes, name, { start: span.startMs, end: span.endMs }), access);
    sources.set(name, { changes: { changes, complete: read.value.complete }, inputs: { ok: true, changes: changes.length, complete: read.value.complete } });
  }
  return sources;
}
