import type { AlarmState } from "./alarm-schemas";

/** One alarm action CloudWatch would perform: the local stack hands it to whoever registered with onAlarmActions. */
export type AlarmActionInvocation = {
  accountId: string;
  region: string;
  alarmName: string;
  state: AlarmState;
  actionArn: string;
  atMs: number;
};

export type AlarmActionHandler = (invocation: AlarmActionInvocation) => void | Promise<void>;

/**
 * Auto Scaling actions: EC2 Auto Scaling and Application Auto Scaling policies both have
 * `arn:aws:autoscaling:<region>:<account>:scalingPolicy:…` ARNs. CloudWatch's user guide: "For Amazon EC2 Auto Scaling
 * actions, the alarm continues to invoke the action for every period that the alarm remains in the new state";
 * other actions (SNS, …) run once per state change.
 */
export function isAutoScalingAction(arn: string): boolean {
  return /^arn:aws[a-z-]*:autoscaling:[^:]*:\d{12}:scalingPolicy:/.test(arn);
}

export function alarmArn(region: string, accountId: string, alarmName: string): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarmName}`;
}

export function actionsFor(alarm: { okActions: string[]; alarmActions: string[]; insufficientDataActions: string[] }, state: AlarmState): string[] {
  if (state === "OK") return alarm.okActions;
  if (state === "ALARM") return alarm.alarmActions;
  return alarm.insufficientDataActions;
}
