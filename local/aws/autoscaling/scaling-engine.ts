import { randomUUID } from "node:crypto";
import { AutoScalingApiError, noTarget, notFound, validation } from "./autoscaling-errors";
import { capacityKindOf, policyArn, predefinedMetricFor, scalableTargetArn, scheduledActionArn, type DynamoDbDimension, type ResourceRef, type Tenant } from "./identifiers";
import { respondToAlarm, syncAlarms, type AlarmAction } from "./alarm-response";
import type { AlarmPort, CapacityPort } from "./scaling-ports";
import { targetKey, TenantScaling, type PolicyRecord, type ScheduledActionRecord, type SuspendedState, type TargetRecord } from "./scaling-store";
import { TRACKING_ALARM_KINDS, type TrackingSettings } from "../../../lib/scaling/target-tracking-model";
import { trackingAlarmName } from "./tracking-alarms";

export type TargetRef = { resourceId: string; resource: ResourceRef; dimension: DynamoDbDimension };

export type EngineOptions = { capacity: CapacityPort; alarms: AlarmPort; log?: (line: string) => void };

/** DynamoDB's target range for utilization, as the console and the API enforce it (20–90 percent). */
export const TARGET_VALUE_RANGE = { min: 20, max: 90 } as const;

const NOT_SUSPENDED: SuspendedState = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };

/**
 * Application Auto Scaling for DynamoDB, without HTTP: scalable targets, target-tracking policies (with the CloudWatch
 * alarms behind them), scheduled actions (stored; not executed) and scaling activities, per account and region. Work on
 * one scalable target runs one piece at a time; an API write that overlaps another is a ConcurrentUpdateException, as in AWS.
 */
export class ScalingEngine {
  private readonly tenants = new Map<string, TenantScaling>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly writing = new Set<string>();
  private readonly log: (line: string) => void;

  constructor(private readonly options: EngineOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** The tenant's state; made on first use, and remembers the key that signs the tenant's own calls. */
  tenant(tenant: Tenant): TenantScaling {
    const key = `${tenant.accountId}/${tenant.region}`;
    let state = this.tenants.get(key);
    if (!state) {
      state = new TenantScaling(tenant);
      this.tenants.set(key, state);
    }
    return state;
  }

  private existing(accountId: string, region: string): TenantScaling | undefined {
    return this.tenants.get(`${accountId}/${region}`);
  }

  /** Runs work on a target after whatever is already running on it. */
  private serial<T>(tenant: Tenant, target: string, work: () => Promise<T>): Promise<T> {
    const key = `${tenant.accountId}/${tenant.region}/${target}`;
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    this.queues.set(key, run.catch(() => undefined));
    return run;
  }

  private async write<T>(tenant: Tenant, ref: TargetRef, work: (state: TenantScaling) => Promise<T>): Promise<T> {
    const key = `${tenant.accountId}/${tenant.region}/${targetKey(ref.resourceId, ref.dimension)}`;
    if (this.writing.has(key)) throw new AutoScalingApiError("ConcurrentUpdateException", `Concurrent updates to ${ref.resourceId} (${ref.dimension}); retry.`);
    this.writing.add(key);
    try {
      return await this.serial(tenant, targetKey(ref.resourceId, ref.dimension), () => work(this.tenant(tenant)));
    } finally {
      this.writing.delete(key);
    }
  }

  private targetOf(state: TenantScaling, ref: TargetRef): TargetRecord {
    const target = state.targets.get(targetKey(ref.resourceId, ref.dimension));
    if (!target) throw noTarget(ref.resourceId, ref.dimension);
    return target;
  }

  private async capacityOf(tenant: Tenant, ref: TargetRef): Promise<number> {
    const capacity = await this.options.capacity.current(tenant, ref.resource, capacityKindOf(ref.dimension));
    if (capacity === null) throw validation(`${ref.resourceId} is not a provisioned DynamoDB table or global secondary index in ${tenant.region}.`);
    return capacity;
  }

  async registerScalableTarget(tenant: Tenant, ref: TargetRef, input: { min?: number; max?: number; roleArn?: string; suspended?: Partial<SuspendedState> }, nowMs: number): Promise<TargetRecord> {
    return this.write(tenant, ref, async (state) => {
      const existing = state.targets.get(targetKey(ref.resourceId, ref.dimension));
      const min = input.min ?? existing?.min;
      const max = input.max ?? existing?.max;
      if (min === undefined || max === undefined) throw validation("MinCapacity and MaxCapacity are required when registering a new scalable target.");
      if (min < 1) throw validation("MinCapacity must be at least 1 for DynamoDB.");
      if (max < min) throw validation(`Maximum capacity cannot be less than minimum capacity (min ${min}, max ${max}).`);
      if (!existing) await this.capacityOf(tenant, ref);
      const target: TargetRecord = {
        ...ref,
        min,
        max,
        roleArn: input.roleArn ?? existing?.roleArn ?? `arn:aws:iam::${tenant.accountId}:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable`,
        arn: scalableTargetArn(tenant, ref.resourceId, ref.dimension),
        createdMs: existing?.createdMs ?? nowMs,
        suspended: { ...(existing?.suspended ?? NOT_SUSPENDED), ...input.suspended },
        lastScaleOutMs: existing?.lastScaleOutMs ?? null,
        lastScaleInMs: existing?.lastScaleInMs ?? null,
      };
      state.targets.set(targetKey(ref.resourceId, ref.dimension), target);
      return target;
    });
  }

  async deregisterScalableTarget(tenant: Tenant, ref: TargetRef): Promise<void> {
    await this.write(tenant, ref, async (state) => {
      this.targetOf(state, ref);
      const removed = state.removeTarget(ref.resourceId, ref.dimension);
      const names = removed.flatMap((policy) => Object.values(policy.alarmNames));
      if (names.length > 0) await this.options.alarms.delete(tenant, names);
    });
  }

  async putScalingPolicy(
    tenant: Tenant,
    ref: TargetRef,
    input: { name: string; settings: TrackingSettings; predefinedMetricType: string; resourceLabel?: string },
    nowMs: number,
  ): Promise<PolicyRecord> {
    const kind = capacityKindOf(ref.dimension);
    if (input.predefinedMetricType !== predefinedMetricFor(kind)) {
      throw validation(`The PredefinedMetricType ${input.predefinedMetricType} cannot be used with the scalable dimension ${ref.dimension}; use ${predefinedMetricFor(kind)}.`);
    }
    const { targetValue } = input.settings;
    if (!(targetValue >= TARGET_VALUE_RANGE.min && targetValue <= TARGET_VALUE_RANGE.max)) {
      throw validation(`TargetValue must be between ${TARGET_VALUE_RANGE.min} and ${TARGET_VALUE_RANGE.max} for DynamoDB utilization, not ${targetValue}.`);
    }
    return this.write(tenant, ref, async (state) => {
      this.targetOf(state, ref);
      const key = state.policyKey(ref.resourceId, ref.dimension, input.name);
      const existing = state.policies.get(key);
      const policy: PolicyRecord = {
        name: input.name,
        arn: existing?.arn ?? policyArn(tenant, ref.resourceId, input.name, randomUUID(), randomUUID()),
        resourceId: ref.resourceId,
        dimension: ref.dimension,
        settings: input.settings,
        predefinedMetricType: input.predefinedMetricType,
        resourceLabel: input.resourceLabel,
        alarmNames: existing?.alarmNames ?? Object.fromEntries(TRACKING_ALARM_KINDS.map((alarm) => [alarm, trackingAlarmName(ref.resourceId, alarm, randomUUID())])) as PolicyRecord["alarmNames"],
        alarmsCapacity: null,
        createdMs: existing?.createdMs ?? nowMs,
      };
      await syncAlarms(this.options.alarms, tenant, ref, policy, await this.capacityOf(tenant, ref));
      state.policies.set(key, policy);
      return policy;
    });
  }

  async deleteScalingPolicy(tenant: Tenant, ref: TargetRef, name: string): Promise<void> {
    await this.write(tenant, ref, async (state) => {
      const key = state.policyKey(ref.resourceId, ref.dimension, name);
      const policy = state.policies.get(key);
      if (!policy) throw notFound(`No scaling policy found for service namespace: dynamodb, resource ID: ${ref.resourceId}, scalable dimension: ${ref.dimension}, policy name: ${name}`);
      state.policies.delete(key);
      await this.options.alarms.delete(tenant, Object.values(policy.alarmNames));
    });
  }

  async putScheduledAction(tenant: Tenant, ref: TargetRef, input: Omit<ScheduledActionRecord, "arn" | "resourceId" | "dimension" | "createdMs">, nowMs: number): Promise<void> {
    await this.write(tenant, ref, async (state) => {
      this.targetOf(state, ref);
      const key = `${targetKey(ref.resourceId, ref.dimension)}|${input.name}`;
      const existing = state.scheduledActions.get(key);
      state.scheduledActions.set(key, {
        ...input,
        arn: existing?.arn ?? scheduledActionArn(tenant, ref.resourceId, input.name, randomUUID()),
        resourceId: ref.resourceId,
        dimension: ref.dimension,
        createdMs: existing?.createdMs ?? nowMs,
      });
    });
  }

  async deleteScheduledAction(tenant: Tenant, ref: TargetRef, name: string): Promise<void> {
    await this.write(tenant, ref, async (state) => {
      const key = `${targetKey(ref.resourceId, ref.dimension)}|${name}`;
      if (!state.scheduledActions.delete(key)) {
        throw notFound(`No scheduled action found for service namespace: dynamodb, resource ID: ${ref.resourceId}, scalable dimension: ${ref.dimension}, scheduled action name: ${name}`);
      }
    });
  }

  /**
   * A CloudWatch alarm action naming a policy ARN (the local CloudWatch calls this on a state change and once a minute
   * while the alarm stays in ALARM). Unknown tenants, policies and alarms are ignored, as an action on a deleted policy is.
   */
  async onAlarmAction(action: AlarmAction): Promise<void> {
    if (action.state !== "ALARM") return;
    const state = this.existing(action.accountId, action.region);
    const policy = state?.policyByArn(action.actionArn);
    if (!state || !policy) return;
    await this.serial(state.tenant, targetKey(policy.resourceId, policy.dimension), async () => {
      const target = state.targets.get(targetKey(policy.resourceId, policy.dimension));
      // The policy may have gone while this waited its turn.
      if (!target || state.policyByArn(action.actionArn) !== policy) return;
      await respondToAlarm({ ports: this.options, state, target, policy, action, log: this.log });
    });
  }
}
