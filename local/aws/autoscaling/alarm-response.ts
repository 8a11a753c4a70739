import { randomUUID } from "node:crypto";
import type { AlarmActionInvocation } from "../cloudwatch/alarm-actions";
import { capacityKindOf, unitsName, type DynamoDbDimension, type ResourceRef, type Tenant } from "./identifiers";
import type { AlarmPort, CapacityPort } from "./scaling-ports";
import { targetKey, type PolicyRecord, type TargetRecord, type TenantScaling } from "./scaling-store";
import { decideScaling } from "../../../lib/scaling/target-tracking-model";
import { consumedMetricName, metricDimensions, trackingAlarmKind, trackingAlarms } from "./tracking-alarms";

/** One alarm action invocation, as the local CloudWatch hands it to onAlarmActions handlers. */
export type AlarmAction = AlarmActionInvocation;

/** (Re-)puts a policy's four alarms with thresholds for `capacity`, as AWS does at creation and after each change. */
export async function syncAlarms(alarms: AlarmPort, tenant: Tenant, ref: { resourceId: string; resource: ResourceRef; dimension: DynamoDbDimension }, policy: PolicyRecord, capacity: number): Promise<void> {
  await alarms.put(
    tenant,
    trackingAlarms({
      resourceId: ref.resourceId,
      resource: ref.resource,
      kind: capacityKindOf(ref.dimension),
      policyArn: policy.arn,
      targetValue: policy.settings.targetValue,
      capacity,
      names: policy.alarmNames,
    }),
  );
  policy.alarmsCapacity = capacity;
}

type Response = {
  ports: { capacity: CapacityPort; alarms: AlarmPort };
  state: TenantScaling;
  target: TargetRecord;
  policy: PolicyRecord;
  action: AlarmAction;
  log: (line: string) => void;
};

/**
 * What a target-tracking policy does when its alarm invokes it in ALARM: reads the capacity and the alarm metric's latest
 * datapoint, decides (lib/scaling/target-tracking-model.ts), applies the capacity, records the activity and moves every policy's alarms on
 * the target to the new thresholds. The provisioned-capacity alarms only bring the thresholds back in line when the
 * capacity was changed by someone else.
 */
export async function respondToAlarm({ ports, state, target, policy, action, log }: Response): Promise<void> {
  const alarm = trackingAlarmKind(action.alarmName);
  if (alarm === null || policy.alarmNames[alarm] !== action.alarmName) return;
  const { tenant } = state;
  const kind = capacityKindOf(target.dimension);
  const current = await ports.capacity.current(tenant, target.resource, kind);
  if (current === null) {
    log(`auto scaling: ${target.resourceId} is gone or not provisioned; ${policy.name} did nothing`);
    return;
  }
  if (alarm === "ProvisionedCapacityHigh" || alarm === "ProvisionedCapacityLow") {
    if (policy.alarmsCapacity !== current) await syncAlarms(ports.alarms, tenant, target, policy, current);
    return;
  }
  if (alarm === "AlarmHigh" ? target.suspended.DynamicScalingOutSuspended : target.suspended.DynamicScalingInSuspended) return;

  const sum = await ports.alarms.latestMinuteSum(tenant, { metricName: consumedMetricName(kind), dimensions: metricDimensions(target.resource) }, action.atMs);
  const decision = decideScaling({
    alarm,
    settings: policy.settings,
    min: target.min,
    max: target.max,
    currentCapacity: current,
    consumedPerSecond: sum === null ? null : sum / 60,
    lastScaleOutMs: target.lastScaleOutMs,
    lastScaleInMs: target.lastScaleInMs,
    nowMs: action.atMs,
  });
  if (decision.action === "none") return;

  const base = {
    resourceId: target.resourceId,
    dimension: target.dimension,
    cause: `monitor alarm ${action.alarmName} in state ALARM triggered policy ${policy.name}`,
    startMs: action.atMs,
  };
  if (decision.action === "notScaled") {
    // AWS's not scaled activity: listed only with IncludeNotScaledActivities.
    state.record({ ...base, activityId: randomUUID(), description: "Attempting to scale due to alarm triggered", endMs: action.atMs, statusCode: "Failed", statusMessage: undefined, notScaledReasons: [decision.reason] });
    return;
  }

  const units = unitsName(kind);
  const description = `Setting ${units} to ${decision.capacity}.`;
  try {
    await ports.capacity.apply(tenant, target.resource, kind, decision.capacity, action.atMs);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    state.record({ ...base, activityId: randomUUID(), description, endMs: action.atMs, statusCode: "Failed", statusMessage: `Failed to set ${units} to ${decision.capacity}. Reason: Failed updating table: ${reason}`, notScaledReasons: undefined });
    log(`auto scaling: ${target.resourceId} ${description} failed: ${reason}`);
    return;
  }
  if (decision.direction === "out") target.lastScaleOutMs = action.atMs;
  else target.lastScaleInMs = action.atMs;
  state.record({
    ...base,
    activityId: randomUUID(),
    description,
    endMs: action.atMs,
    statusCode: "Successful",
    statusMessage: `Successfully set ${units} to ${decision.capacity}. Change successfully fulfilled by dynamodb.`,
    notScaledReasons: undefined,
  });
  log(`auto scaling: ${target.resourceId} ${units} ${current} → ${decision.capacity} (${action.alarmName})`);
  for (const sibling of state.policiesOf(target.resourceId, target.dimension)) {
    if (state.targets.has(targetKey(target.resourceId, target.dimension))) await syncAlarms(ports.alarms, tenant, target, sibling, decision.capacity);
  }
}
