import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DEMO_ACCOUNT } from "../fleet/demo-fleet";
import { fleetCloudWatch } from "../fleet/fleet-clients";
import { LOCAL_REGION } from "../local-clients";
import type { SignalCheck } from "./demo-signals";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The tables whose long history the cost advisor's demo verdicts rest on, and the metric that shows it. */
const LONG_HISTORY_METRICS = [
  { table: "Shop", metric: "ConsumedReadCapacityUnits" },
  { table: "Sessions", metric: "ConsumedWriteCapacityUnits" },
  { table: "Events", metric: "ConsumedReadCapacityUnits" },
] as const;

/**
 * The demo's long history (demo-long-history.ts), read back through the real CloudWatch SDK in the demo account's
 * us-east-1: hourly Sums from 13 days ago to a day ago, which only the long tail fills (the history and its
 * baselines are 3 hours each). Every hour must have data.
 */
export async function checkDemoLongHistory(cloudwatchEndpoint: string, nowMs = Date.now()): Promise<SignalCheck[]> {
  const cloudwatch = fleetCloudWatch(cloudwatchEndpoint, DEMO_ACCOUNT, LOCAL_REGION, { maxAttempts: 2 });
  const startMs = Math.ceil((nowMs - 13 * DAY) / HOUR) * HOUR;
  const endMs = Math.floor((nowMs - DAY) / HOUR) * HOUR;
  try {
    const output = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(startMs),
        EndTime: new Date(endMs),
        MetricDataQueries: LONG_HISTORY_METRICS.map(({ table, metric }, index) => ({
          Id: `m${index}`,
          MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metric, Dimensions: [{ Name: "TableName", Value: table }] }, Period: 3600, Stat: "Sum" },
        })),
      }),
    );
    const hours = (endMs - startMs) / HOUR;
    return LONG_HISTORY_METRICS.map(({ table, metric }, index) => {
      const withData = output.MetricDataResults?.find((result) => result.Id === `m${index}`)?.Values?.filter((value) => value > 0).length ?? 0;
      return { name: `${table} long history (${metric}, 13 to 1 days ago)`, ok: withData === hours, detail: `${withData} of ${hours} hours have data` };
    });
  } finally {
    cloudwatch.destroy();
  }
}
