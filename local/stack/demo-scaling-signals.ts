import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, DescribeScalingActivitiesCommand, type ScalingActivity } from "@aws-sdk/client-application-auto-scaling";
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { DEMO_ACCOUNT } from "../fleet/demo-fleet";
import { fleetCloudWatch } from "../fleet/fleet-clients";
import { LOCAL_REGION } from "../local-clients";
import { DEMO_SCALING, SESSIONS_THROTTLE_ALARM, SHOP_READS_ALARM } from "./demo-scaling";
import type { SignalCheck } from "./demo-signals";

/** Every activity of a target, newest first, following NextToken. */
async function activitiesOf(client: ApplicationAutoScalingClient, includeNotScaled: boolean): Promise<ScalingActivity[]> {
  const activities: ScalingActivity[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb", ResourceId: DEMO_SCALING.resourceId, ScalableDimension: DEMO_SCALING.dimension, IncludeNotScaledActivities: includeNotScaled, NextToken }),
    );
    activities.push(...(page.ScalingActivities ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return activities;
}

/**
 * The demo's alarms and auto scaling, read back through the real SDKs in the demo account's us-east-1: the Sessions
 * throttle alarm in ALARM, the Shop read alarm OK, a scale-out of Shop's GSI1 writes, GSI1 held at its maximum, and no
 * auto scaling on Sessions.
 */
export async function checkDemoScaling(cloudwatchEndpoint: string, autoscalingEndpoint: string): Promise<SignalCheck[]> {
  const cloudwatch = fleetCloudWatch(cloudwatchEndpoint, DEMO_ACCOUNT, LOCAL_REGION, { maxAttempts: 2 });
  const autoscaling = new ApplicationAutoScalingClient({ endpoint: autoscalingEndpoint, region: LOCAL_REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 2 });
  try {
    const alarms = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [SESSIONS_THROTTLE_ALARM, SHOP_READS_ALARM] }));
    const stateOf = (name: string) => alarms.MetricAlarms?.find((alarm) => alarm.AlarmName === name)?.StateValue ?? "(no such alarm)";
    const scaledOut = (await activitiesOf(autoscaling, false)).filter((activity) => activity.StatusCode === "Successful" && activity.Description?.startsWith("Setting write capacity units to"));
    const atMax = (await activitiesOf(autoscaling, true)).filter((activity) => activity.NotScaledReasons?.some((reason) => reason.Code === "AlreadyAtMaxCapacity"));
    const sessions = await autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", ResourceIds: ["table/Sessions"] }));
    return [
      { name: `Alarm "${SESSIONS_THROTTLE_ALARM}" in ALARM`, ok: stateOf(SESSIONS_THROTTLE_ALARM) === "ALARM", detail: stateOf(SESSIONS_THROTTLE_ALARM) },
      { name: `Alarm "${SHOP_READS_ALARM}" OK`, ok: stateOf(SHOP_READS_ALARM) === "OK", detail: stateOf(SHOP_READS_ALARM) },
      { name: "Shop GSI1 write scale-out activity", ok: scaledOut.length > 0, detail: scaledOut[0]?.Description ?? "no successful scaling activity" },
      { name: "Shop GSI1 auto scaling held at its maximum", ok: atMax.length > 0, detail: `${atMax.length} not scaled activities (AlreadyAtMaxCapacity ${DEMO_SCALING.max})` },
      { name: "Sessions has no auto scaling", ok: (sessions.ScalableTargets ?? []).length === 0, detail: `${(sessions.ScalableTargets ?? []).length} scalable targets` },
    ];
  } finally {
    cloudwatch.destroy();
    autoscaling.destroy();
  }
}
