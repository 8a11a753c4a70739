import { isAutoScalingAction } from "../cloudwatch/alarm-actions";
import { createAwsJsonServer } from "../shared/aws-json-server";
import type { OperationStats } from "../shared/operation-stats";
import { close, listen } from "../shared/server-lifecycle";
import type { RunningLocalCloudWatch } from "../cloudwatch/start-local-cloudwatch";
import { AutoScalingApiError } from "./autoscaling-errors";
import { autoScalingOperations } from "./operations";
import { ScalingEngine } from "./scaling-engine";
import type { AlarmPort, CapacityPort } from "./scaling-ports";
import { cloudWatchAlarmPort, proxyCapacityPort } from "./sdk-ports";
import { recordedOperations, type AutoScalingTrailOptions } from "./trail-recording";

/** The Smithy service name the SDK puts in X-Amz-Target (AWS JSON 1.1; signing name `application-autoscaling`). */
export const AUTOSCALING_TARGET_PREFIX = "AnyScaleFrontendService";

/** What this service needs from the local CloudWatch: its endpoint (for PutMetricAlarm, GetMetricData) and its alarm actions. */
export type AlarmActionSource = Pick<RunningLocalCloudWatch, "endpoint" | "onAlarmActions">;

export type LocalAutoScalingOptions = {
  port?: number;
  cloudwatch: AlarmActionSource;
  /** Where capacity is read and changed: the metering proxy, so its enforcer follows at once. */
  dynamodbEndpoint: string;
  /**
   * Replaces the proxy as the place capacity lives, e.g. the simulated history's in-memory models. The engine is the
   * same; only where UpdateTable lands differs.
   */
  capacity?: CapacityPort;
  /** Records the configuration calls in a CloudTrail (trail-recording.ts); none when unset. */
  cloudtrail?: AutoScalingTrailOptions;
  log?: (line: string) => void;
  now?: () => number;
};

export type RunningLocalAutoScaling = {
  /** http://127.0.0.1:<port> (AUTOSCALING_ENDPOINT) */
  endpoint: string;
  port: number;
  engine: ScalingEngine;
  stats: OperationStats;
  /** Points the engine's capacity reads and changes somewhere else (null: back to the proxy), e.g. during the history. */
  useCapacity: (capacity: CapacityPort | null) => void;
  stop: () => Promise<void>;
};

/**
 * A local stand-in for Application Auto Scaling, DynamoDB targets only: the ten target, policy, scheduled action and
 * activity operations, per account and region, scaling from the local CloudWatch's alarm actions.
 * Test and demo infrastructure only; the product never imports it.
 */
export async function startLocalAutoScaling(options: LocalAutoScalingOptions): Promise<RunningLocalAutoScaling> {
  const log = options.log ?? (() => undefined);
  const proxy = proxyCapacityPort(options.dynamodbEndpoint);
  const alarms = cloudWatchAlarmPort(options.cloudwatch.endpoint);
  let capacity: CapacityPort = options.capacity ?? proxy;
  const switchable: CapacityPort = { current: (...args) => capacity.current(...args), apply: (...args) => capacity.apply(...args) };
  const alarmPort: AlarmPort = alarms;
  const engine = new ScalingEngine({ capacity: switchable, alarms: alarmPort, log });

  const unsubscribe = options.cloudwatch.onAlarmActions(async (action) => {
    // Only scaling policy ARNs (arn:aws:autoscaling:…:scalingPolicy:…) can be ours; the engine ignores policies it does not hold.
    if (!isAutoScalingAction(action.actionArn)) return;
    try {
      await engine.onAlarmAction(action);
    } catch (error) {
      log(`local auto scaling: acting on ${action.alarmName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });

  const { server, stats } = createAwsJsonServer({
    serviceName: "local Application Auto Scaling",
    targetPrefix: AUTOSCALING_TARGET_PREFIX,
    protocol: "awsJson1_1",
    operations: recordedOperations(autoScalingOperations(engine), options.cloudtrail),
    internalError: () => new AutoScalingApiError("InternalServiceException", "The local Application Auto Scaling failed unexpectedly; see its log."),
    log,
    now: options.now,
  });
  const port = await listen(server, options.port ?? 0);

  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    engine,
    stats,
    useCapacity: (next) => {
      capacity = next ?? proxy;
    },
    stop: () => {
      stopping ??= (async () => {
        unsubscribe();
        await close(server);
        proxy.destroy();
        alarms.destroy();
      })();
      return stopping;
    },
  };
}
