import type { AlarmActionHandler, AlarmActionInvocation } from "./alarm-actions";
import { evaluateTenantAlarms } from "./alarm-evaluator";
import type { AlarmStore } from "./alarm-store";
import type { TenantRegistry } from "./tenant-stores";

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs evaluation passes over every tenant's alarms (CloudWatch evaluates alarms every minute) and hands the
 * resulting actions to the registered handlers. Passes never overlap, and a pass ends only after every handler
 * (async ones included) has finished, so a test or a backfill driving the clock sees a deterministic order.
 */
export class AlarmScheduler {
  private readonly handlers = new Set<AlarmActionHandler>();
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly tenants: TenantRegistry,
    private readonly log: (line: string) => void,
  ) {}

  onAlarmActions(handler: AlarmActionHandler): () => void {
    this.handlers.add(handler);
    return () => {
      this.handlers.delete(handler);
    };
  }

  /** Resolves when the passes started so far have finished. */
  settled(): Promise<void> {
    return this.last;
  }

  /** One pass at `nowMs`, after any pass still running. */
  evaluate(nowMs: number): Promise<void> {
    const pass = this.last.then(() => this.pass(nowMs));
    // The chain only orders passes; each caller handles its own pass's failure.
    this.last = pass.then(
      () => undefined,
      () => undefined,
    );
    return pass;
  }

  private async pass(nowMs: number): Promise<void> {
    for (const tenant of this.tenants.list()) {
      for (const invocation of evaluateTenantAlarms(tenant, nowMs)) await this.perform(invocation, tenant.alarms);
    }
  }

  /** Calls every handler; a handler that throws is logged and recorded as a failed action, and the pass goes on. */
  private async perform(invocation: AlarmActionInvocation, alarms: AlarmStore): Promise<void> {
    const failures: string[] = [];
    for (const handler of [...this.handlers]) {
      try {
        await handler(invocation);
      } catch (error) {
        failures.push(describeError(error));
        this.log(`local CloudWatch: the action ${invocation.actionArn} of alarm ${invocation.alarmName} failed: ${describeError(error)}`);
      }
    }
    const alarm = alarms.get(invocation.alarmName);
    alarms.addHistory({
      alarmName: invocation.alarmName,
      alarmType: alarm?.type ?? "MetricAlarm",
      timestampMs: invocation.atMs,
      itemType: "Action",
      summary: `${failures.length === 0 ? "Successfully executed" : "Failed to execute"} action ${invocation.actionArn}`,
      data: JSON.stringify({
        version: "1.0",
        actionState: failures.length === 0 ? "Succeeded" : "Failed",
        stateValue: invocation.state,
        actionArn: invocation.actionArn,
        ...(failures.length > 0 ? { error: failures.join("; ") } : {}),
      }),
    });
  }
}
