import { CloudWatchClient, DescribeInsightRulesCommand, GetInsightRuleReportCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local-clients";
import { HOT_CUSTOMER_PK } from "../seed/shop-items";

export type SignalCheck = { name: string; ok: boolean; detail: string };

const metric = (id: string, metricName: string, dimensions: Record<string, string>, stat = "Sum") => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
    Period: 60,
    Stat: stat,
  },
});

/**
 * Reads back, through the real CloudWatch SDK, the signals the demo workload is meant to produce: key-range throttling
 * on Shop with its hot key on top of Contributor Insights, provisioned throttling on Sessions, and Scan traffic on Events.
 */
export async function checkDemoSignals(cloudwatchEndpoint: string, sinceMs: number, untilMs = Date.now() + 60_000): Promise<SignalCheck[]> {
  const client = new CloudWatchClient({ endpoint: cloudwatchEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 2 });
  try {
    const window = { StartTime: new Date(sinceMs), EndTime: new Date(untilMs) };
    const data = await client.send(
      new GetMetricDataCommand({
        ...window,
        MetricDataQueries: [
          metric("shopKeyRange", "WriteKeyRangeThroughputThrottleEvents", { TableName: "Shop" }),
          metric("sessionsProvisioned", "WriteProvisionedThroughputThrottleEvents", { TableName: "Sessions" }),
          metric("eventsScans", "SuccessfulRequestLatency", { TableName: "Events", Operation: "Scan" }, "SampleCount"),
        ],
      }),
    );
    const total = (id: string) => (data.MetricDataResults?.find((result) => result.Id === id)?.Values ?? []).reduce((sum, value) => sum + value, 0);
    const checks: SignalCheck[] = [
      { name: "Shop key-range write throttles", ok: total("shopKeyRange") > 0, detail: `${total("shopKeyRange")} events` },
      { name: "Sessions provisioned write throttles", ok: total("sessionsProvisioned") > 0, detail: `${total("sessionsProvisioned")} events` },
      { name: "Events Scan requests", ok: total("eventsScans") > 0, detail: `${total("eventsScans")} requests` },
    ];

    const rules = await client.send(new DescribeInsightRulesCommand({}));
    const pkc = rules.InsightRules?.find((rule) => rule.Name?.startsWith("DynamoDBContributorInsights-PKC-Shop-") && /-\d{13}$/.test(rule.Name))?.Name;
    if (!pkc) {
      checks.push({ name: "Shop hot key in Contributor Insights", ok: false, detail: "no PKC rule for Shop" });
    } else {
      const report = await client.send(new GetInsightRuleReportCommand({ RuleName: pkc, ...window, Period: 60, MaxContributorCount: 5, OrderBy: "Sum" }));
      const top = report.Contributors?.[0]?.Keys?.[0];
      checks.push({ name: "Shop hot key in Contributor Insights", ok: top === HOT_CUSTOMER_PK, detail: `top key ${top ?? "(none)"} in ${pkc}` });
    }
    return checks;
  } finally {
    client.destroy();
  }
}
