/** The report's header facts and the notes on what its verdicts were built from. Client-safe, pure. */
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { formatPeriod } from "@/lib/metrics/metric-series";
import { tablePageHref } from "./report-links";
import { sectionValue, type ReportModel } from "./report-model";
import { utcStamp, utcWindow } from "./svg-text";

export type ReportFact = { label: string; value: string; href?: string };

export function reportFacts(model: ReportModel): ReportFact[] {
  const detail = sectionValue(model.detail);
  const aligned = model.window.start !== model.requested.start || model.window.end !== model.requested.end;
  const facts: ReportFact[] = [
    { label: "Table", value: model.table },
    { label: "Account / region", value: `${model.scope.account} / ${model.scope.region}` },
    { label: "Window", value: `${utcWindow(model.requested.start, model.requested.end)}${aligned ? ` (read as ${utcWindow(model.window.start, model.window.end)})` : ""}, ${formatPeriod(model.periodSeconds)} periods` },
  ];
  if (detail) facts.push({ label: "Capacity mode", value: detail.billingMode === "PAY_PER_REQUEST" ? "on-demand" : `provisioned${detail.provisioned ? ` (${detail.provisioned.read} RCU, ${detail.provisioned.write} WCU now)` : ""}` });
  facts.push(
    { label: "Generated", value: utcStamp(model.generatedAt) },
    {
      label: "Generated for",
      value: model.role === "viewer" ? `a viewer: ${model.keysDigested ? "key values are shown as digests, and " : ""}attributes hidden from viewers stay masked` : "an engineer: keys shown as stored",
    },
    { label: "Live view", value: "the table page over this window", href: tablePageHref(model) },
  );
  return facts;
}

/** Where the diagnosis window came from, when it is not simply the report's. */
export function windowSourceNote(diagnosis: DiagnosisResponse): string | null {
  if (diagnosis.windowSource.kind === "alarm") return `The verdicts cover the ALARM span of “${diagnosis.windowSource.alarm}”.`;
  return null;
}

/** The sources the verdicts could not use, in one sentence; null when every source was read. */
export function verdictInputsNote(diagnosis: DiagnosisResponse): string | null {
  const inputs = diagnosis.inputs;
  const missing: string[] = [];
  if (!inputs.metrics.ok) missing.push(`CloudWatch metrics (${inputs.metrics.error})`);
  if (!inputs.contributorInsights.ok) missing.push(`Contributor Insights (${inputs.contributorInsights.error})`);
  if (inputs.alarms && !inputs.alarms.ok) missing.push(`alarms (${inputs.alarms.error})`);
  if (inputs.scaling && !inputs.scaling.ok) missing.push(`auto scaling (${inputs.scaling.error})`);
  const jobs = [inputs.keySample ? null : "key sample", inputs.sizeAudit ? null : "size audit"].filter((job): job is string => job !== null);
  const parts = [missing.length > 0 ? `Could not be read for these verdicts: ${missing.join("; ")}.` : null, jobs.length > 0 ? `No ${jobs.join(" or ")} has run on this table, so storage skew and item sizes were not judged.` : null];
  const text = parts.filter((part): part is string => part !== null).join(" ");
  return text || null;
}
