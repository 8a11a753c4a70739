import type { AwsJsonOperation } from "../shared/aws-json-server";
import { parseWire } from "../shared/request-body";
import { validation } from "./autoscaling-errors";
import type { ScalingEngine } from "./scaling-engine";
import {
  checkNamespace,
  checkPolicyName,
  checkScheduledActionName,
  describeActivitiesInput,
  describeFilter,
  describePoliciesInput,
  describeScheduledInput,
  describeTargetsInput,
  parseTargetList,
  policyNameInput,
  putPolicyInput,
  putScheduledInput,
  registerTargetInput,
  required,
  scheduledNameInput,
  targetInput,
  targetRef,
} from "./wire-inputs";
import { wireActivity, wireAlarms, wirePolicy, wireScheduledAction, wireTarget } from "./wire-outputs";
import { pageOf } from "./wire-paging";

// AWS's schedule expressions: at(yyyy-mm-ddThh:mm:ss), rate(value unit), cron(6 fields).
const SCHEDULE = /^(at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)|rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\(\S+( \S+){5}\))$/;

const matches = (filter: { resourceId?: string; dimension?: string }, item: { resourceId: string; dimension: string }) =>
  (filter.resourceId === undefined || item.resourceId === filter.resourceId) && (filter.dimension === undefined || item.dimension === filter.dimension);

/** Application Auto Scaling's operations (X-Amz-Target `AnyScaleFrontendService.<Operation>`) on the engine. */
export function autoScalingOperations(engine: ScalingEngine): ReadonlyMap<string, AwsJsonOperation> {
  const operations: Record<string, AwsJsonOperation> = {
    RegisterScalableTarget: async (body, { scope, nowMs }) => {
      const input = parseWire(registerTargetInput, body);
      const target = await engine.registerScalableTarget(scope, targetRef(input), { min: input.MinCapacity, max: input.MaxCapacity, roleArn: input.RoleARN, suspended: input.SuspendedState }, nowMs);
      return { ScalableTargetARN: target.arn };
    },
    DeregisterScalableTarget: async (body, { scope }) => {
      await engine.deregisterScalableTarget(scope, targetRef(parseWire(targetInput, body)));
      return {};
    },
    PutScalingPolicy: async (body, { scope, nowMs }) => {
      const input = parseWire(putPolicyInput, body);
      const ref = targetRef(input);
      const name = checkPolicyName(input.PolicyName);
      const type = input.PolicyType ?? "StepScaling";
      if (type !== "TargetTrackingScaling") throw validation(`The scaling policy type ${type} is not supported for DynamoDB; use TargetTrackingScaling.`);
      const config = input.TargetTrackingScalingPolicyConfiguration;
      if (!config) throw validation("TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.");
      if (config.CustomizedMetricSpecification !== undefined) throw validation("The local Application Auto Scaling supports predefined DynamoDB metrics only.");
      const metric = required(config.PredefinedMetricSpecification?.PredefinedMetricType, "targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType");
      const policy = await engine.putScalingPolicy(
        scope,
        ref,
        {
          name,
          predefinedMetricType: metric,
          resourceLabel: config.PredefinedMetricSpecification?.ResourceLabel,
          settings: {
            targetValue: required(config.TargetValue, "targetTrackingScalingPolicyConfiguration.targetValue"),
            // DynamoDB's default cooldowns are 0 seconds (Application Auto Scaling's table of defaults).
            scaleOutCooldownS: config.ScaleOutCooldown ?? 0,
            scaleInCooldownS: config.ScaleInCooldown ?? 0,
            disableScaleIn: config.DisableScaleIn ?? false,
          },
        },
        nowMs,
      );
      return { PolicyARN: policy.arn, Alarms: wireAlarms(scope, policy) };
    },
    DeleteScalingPolicy: async (body, { scope }) => {
      const input = parseWire(policyNameInput, body);
      await engine.deleteScalingPolicy(scope, targetRef(input), checkPolicyName(input.PolicyName));
      return {};
    },
    PutScheduledAction: async (body, { scope, nowMs }) => {
      const input = parseWire(putScheduledInput, body);
      const ref = targetRef(input);
      const name = checkScheduledActionName(input.ScheduledActionName);
      const schedule = required(input.Schedule, "schedule");
      if (!SCHEDULE.test(schedule)) throw validation(`Invalid schedule expression ${schedule}: use at(...), rate(...) or cron(...).`);
      const { MinCapacity: min, MaxCapacity: max } = input.ScalableTargetAction ?? {};
      if (min !== undefined && max !== undefined && max < min) throw validation("ScalableTargetAction: MaxCapacity cannot be less than MinCapacity.");
      await engine.putScheduledAction(
        scope,
        ref,
        { name, schedule, timezone: input.Timezone, startMs: input.StartTime === undefined ? undefined : input.StartTime * 1000, endMs: input.EndTime === undefined ? undefined : input.EndTime * 1000, min, max },
        nowMs,
      );
      return {};
    },
    DeleteScheduledAction: async (body, { scope }) => {
      const input = parseWire(scheduledNameInput, body);
      await engine.deleteScheduledAction(scope, targetRef(input), checkScheduledActionName(input.ScheduledActionName));
      return {};
    },
    DescribeScalableTargets: (body, { scope }) => {
      const input = parseWire(describeTargetsInput, body);
      checkNamespace(input.ServiceNamespace);
      const ids = parseTargetList(input);
      const targets = [...engine.tenant(scope).targets.values()].filter(
        (target) => (ids === undefined || ids.includes(target.resourceId)) && (input.ScalableDimension === undefined || target.dimension === input.ScalableDimension),
      );
      const page = pageOf("DescribeScalableTargets", targets, input, { max: 50 });
      return { ScalableTargets: page.items.map(wireTarget), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
    },
    DescribeScalingPolicies: (body, { scope }) => {
      const input = parseWire(describePoliciesInput, body);
      const filter = describeFilter(input);
      const policies = [...engine.tenant(scope).policies.values()].filter((policy) => matches(filter, policy) && (input.PolicyNames === undefined || input.PolicyNames.includes(policy.name)));
      const page = pageOf("DescribeScalingPolicies", policies, input, { max: 10 });
      return { ScalingPolicies: page.items.map((policy) => wirePolicy(scope, policy)), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
    },
    DescribeScalingActivities: (body, { scope }) => {
      const input = parseWire(describeActivitiesInput, body);
      const filter = describeFilter(input);
      const activities = engine.tenant(scope).activitiesMatching({ ...filter, includeNotScaled: input.IncludeNotScaledActivities ?? false });
      const page = pageOf("DescribeScalingActivities", activities, input, { max: 50 });
      return { ScalingActivities: page.items.map(wireActivity), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
    },
    DescribeScheduledActions: (body, { scope }) => {
      const input = parseWire(describeScheduledInput, body);
      const filter = describeFilter(input);
      const actions = [...engine.tenant(scope).scheduledActions.values()].filter(
        (action) => matches(filter, action) && (input.ScheduledActionNames === undefined || input.ScheduledActionNames.includes(action.name)),
      );
      const page = pageOf("DescribeScheduledActions", actions, input, { max: 50 });
      return { ScheduledActions: page.items.map(wireScheduledAction), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
    },
  };
  return new Map(Object.entries(operations));
}
