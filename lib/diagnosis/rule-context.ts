import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { DiagnosisInput, DiagnosisThresholds } from "./diagnosis-types";
import type { ResourceFacts } from "./metric-facts";

/** What the metric-based rules share: the input, its metrics (present), and the facts read off them once. */
export type RuleContext = {
  input: DiagnosisInput;
  metrics: MetricsResponse;
  thresholds: DiagnosisThresholds;
  facts: ResourceFacts[];
};
