import { ApplicationAutoScalingClient, DescribeScalingActivitiesCommand } from "@aws-sdk/client-application-auto-scaling";
import { DescribeAlarmHistoryCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch, fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { LOCAL_REGION } from "../../local/local-clients";
import { DEMO_SCALING, SESSIONS_THROTTLE_ALARM } from "../../local/stack/demo-scaling";
import { checkDemoScaling } from "../../local/stack/demo-scaling-signals";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";

// The demo as `npm run demo` starts it, with 30 simulated minutes of history (as the e2e setup uses) and no live
// traffic: the alarms and auto scaling must already be in the history, on the simulated clock.
const HISTORY_MS = 30 * 60_000;
let stack: LocalStack;
let startedAt: number;
let autoscaling: ApplicationAutoScalingClient;
let cloudwatch: CloudWatchClient;

beforeAll(async () => {
  startedAt = Date.now();
  stack = await startLocalStack({ seed: true, historyMs: HISTORY_MS, workload: false, heapMb: 512 });
  autoscaling = new ApplicationAutoScalingClient({ endpoint: stack.autoscaling.endpoint, region: LOCAL_REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 1 });
  cloudwatch = fleetCloudWatch(stack.cloudwatch.endpoint, DEMO_ACCOUNT, LOCAL_REGION);
}, 240_000);

afterAll(async () => {
  autoscaling.destroy();
  cloudwatch.destroy();
  await stack.stop();
});

describe("the demo's alarms and auto scaling", () => {
  it("shows every alarm and scaling signal demo:check looks for", async () => {
    expect(stack.dashboardEnv.AUTOSCALING_ENDPOINT).toBe(stack.autoscaling.endpoint);
    const checks = await checkDemoScaling(stack.cloudwatch.endpoint, stack.autoscaling.endpoint);
    expect(checks.filter((check) => !check.ok)).toEqual([]);
  });

  it("scaled Shop's GSI1 out within the history, on its clock, and left the real index at the maximum", async () => {
    const output = await autoscaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb", ResourceId: DEMO_SCALING.resourceId, ScalableDimension: DEMO_SCALING.dimension }));
    const scaleOuts = (output.ScalingActivities ?? []).filter((activity) => activity.StatusCode === "Successful");
    expect(scaleOuts.length).toBeGreaterThan(0);
    for (const activity of scaleOuts) {
      const at = activity.StartTime?.getTime() ?? 0;
      // AlarmHigh needs two minutes of data, so nothing happens in the history's first two minutes.
      expect(at).toBeGreaterThanOrEqual(startedAt - HISTORY_MS + 2 * 60_000);
      expect(at).toBeLessThanOrEqual(startedAt);
    }
    const capacities = scaleOuts.map((activity) => Number(/to (\d+)\.$/.exec(activity.Description ?? "")?.[1]));
    expect(Math.max(...capacities)).toBe(DEMO_SCALING.max);

    const admin = fleetDynamoDb(stack.dynamodb.endpoint, DEMO_ACCOUNT, LOCAL_REGION);
    try {
      const table = await admin.send(new DescribeTableCommand({ TableName: DEMO_SCALING.table }));
      const gsi = table.Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === DEMO_SCALING.index);
      expect(gsi?.ProvisionedThroughput?.WriteCapacityUnits).toBe(DEMO_SCALING.max);
    } finally {
      admin.destroy();
    }
  });

  it("records the Sessions alarm going to ALARM inside the simulated history", async () => {
    const history = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: SESSIONS_THROTTLE_ALARM, HistoryItemType: "StateUpdate" }));
    const toAlarm = (history.AlarmHistoryItems ?? []).filter((item) => item.HistorySummary?.includes("to ALARM"));
    expect(toAlarm.length).toBeGreaterThan(0);
    expect(Math.min(...toAlarm.map((item) => item.Timestamp?.getTime() ?? Infinity))).toBeLessThan(startedAt);
  });
});
