import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { MetricSample } from "../aws/cloudwatch/metric-store";
import type { MetricsSink } from "../metering/metrics-sink";
import { toModel, type TableCapacityModel } from "../metering/table-catalog";
import { DEMO_TABLES } from "../seed/demo-tables";
import { DEMO_DEPLOY } from "./demo-deploy";
import { DEMO_SCALING } from "./demo-scaling";

/** Test helpers for the demo's long history: the home tables as the history starts, and a sink that sums per minute. */

/** Shop, Sessions and Events as the seed creates them, with GSI1 at its scaling minimum and Sessions at 20 WCU (the history's start). */
export function demoHomeModels(): TableCapacityModel[] {
  return DEMO_TABLES.map((definition) => {
    const description: TableDescription = {
      TableName: definition.TableName,
      KeySchema: definition.KeySchema,
      BillingModeSummary: { BillingMode: definition.BillingMode },
      ProvisionedThroughput: definition.ProvisionedThroughput,
      OnDemandThroughput: definition.OnDemandThroughput,
      GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes?.map((gsi) => ({ IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, ProvisionedThroughput: gsi.ProvisionedThroughput })),
    };
    const model = toModel(description);
    if (model.name === DEMO_DEPLOY.table && model.provisioned) return { ...model, provisioned: { ...model.provisioned, write: DEMO_DEPLOY.fromWcu } };
    if (model.name !== DEMO_SCALING.table) return model;
    return { ...model, gsis: model.gsis.map((gsi) => (gsi.name === DEMO_SCALING.index && gsi.provisioned ? { ...gsi, provisioned: { ...gsi.provisioned, write: DEMO_SCALING.min } } : gsi)) };
  });
}

/** What a metric's statistic sets add up to in one minute. */
export type MinuteTotal = { sampleCount: number; sum: number };

/** Collects published samples as CloudWatch would add them up: per metric (name and dimensions) and minute. */
export class SummingSink implements MetricsSink {
  readonly totals = new Map<string, Map<number, MinuteTotal>>();

  static key(metricName: string, dimensions: Record<string, string>): string {
    return `${metricName}|${Object.entries(dimensions)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}=${value}`)
      .join(",")}`;
  }

  async putMetrics(samples: MetricSample[]): Promise<void> {
    for (const sample of samples) {
      const key = SummingSink.key(sample.metricName, Object.fromEntries(sample.dimensions.map((dimension) => [dimension.name, dimension.value])));
      const minuteMs = Math.floor(sample.timestampMs / 60_000) * 60_000;
      const { sampleCount, sum } = sample.statistics ?? {
        sampleCount: (sample.values ?? []).reduce((total, entry) => total + entry.count, sample.value === undefined ? 0 : 1),
        sum: (sample.values ?? []).reduce((total, entry) => total + entry.value * entry.count, sample.value ?? 0),
      };
      const minutes = this.totals.get(key) ?? new Map<number, MinuteTotal>();
      const total = minutes.get(minuteMs) ?? { sampleCount: 0, sum: 0 };
      minutes.set(minuteMs, { sampleCount: total.sampleCount + sampleCount, sum: total.sum + sum });
      this.totals.set(key, minutes);
    }
  }

  async putInsights(): Promise<void> {}

  /** One metric's per-minute totals over `minutes` minutes from `startMs` (absent minutes: undefined). */
  series(metricName: string, dimensions: Record<string, string>, startMs: number, minutes: number): Array<MinuteTotal | undefined> {
    const perMinute = this.totals.get(SummingSink.key(metricName, dimensions));
    return Array.from({ length: minutes }, (_, minute) => perMinute?.get(startMs + minute * 60_000));
  }
}
