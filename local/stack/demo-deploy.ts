import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Tenant } from "../aws/autoscaling/identifiers";
import type { CapacityPort } from "../aws/autoscaling/scaling-ports";
import { assumedRoleIdentity, type TrailIdentity } from "../aws/cloudtrail/identities";
import type { CloudTrailRecorder } from "../aws/cloudtrail/recorder";
import { simulatedUpdateTable } from "../metering/management-events";
import type { HistoryChange } from "./stack-history";

const MINUTE = 60_000;

/**
 * The demo's "what changed": a CI deploy, signed in as the `deploy` role, lowers Sessions' write capacity from 20 to 5.
 * At 20 WCU Sessions' write bursts (15 a second for 30 s every 2 minutes) never throttle; at 5 they do from the next
 * burst on. In the simulated history the change lands 20 minutes in (earlier in histories under 30 minutes, see
 * deployChangeAt), so it is inside the e2e's 30 minutes too; without a history it is made at start-up.
 */
export const DEMO_DEPLOY = {
  table: "Sessions",
  role: "deploy",
  fromWcu: 20,
  toWcu: 5,
  afterStartMs: 20 * MINUTE,
} as const;

/**
 * When the deploy lowers Sessions' capacity in a history from `startMs` lasting `durationMs`: 20 minutes in, or 10
 * minutes before the end of a shorter history (at least a minute in), so Sessions' alarm has throttles to see.
 */
export function deployChangeAt(startMs: number, durationMs: number): number {
  const offset = Math.min(DEMO_DEPLOY.afterStartMs, Math.floor((durationMs - 10 * MINUTE) / MINUTE) * MINUTE);
  return startMs + Math.max(MINUTE, offset);
}

/** The deploy role's session: `arn:aws:sts::<account>:assumed-role/deploy/ci-<build>`. */
export function deployRoleIdentity(accountId: string, atMs: number): TrailIdentity {
  // A CI build number, stable for the change's hour.
  const build = 4000 + (Math.floor(atMs / 3_600_000) % 1000);
  return assumedRoleIdentity({ accountId, roleName: DEMO_DEPLOY.role, sessionName: `ci-${build}`, sessionStartMs: atMs - 2 * MINUTE });
}

/** Sessions at its pre-deploy capacity before the history, also when DynamoDB Local kept the table from an earlier run. */
export async function raiseSessionsForDeploy(admin: DynamoDBClient): Promise<void> {
  const table = await admin.send(new DescribeTableCommand({ TableName: DEMO_DEPLOY.table }));
  const read = table.Table?.ProvisionedThroughput?.ReadCapacityUnits;
  if (read === undefined) throw new Error(`${DEMO_DEPLOY.table} is not a provisioned table`);
  if (table.Table?.ProvisionedThroughput?.WriteCapacityUnits === DEMO_DEPLOY.fromWcu) return;
  await admin.send(new UpdateTableCommand({ TableName: DEMO_DEPLOY.table, ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: DEMO_DEPLOY.fromWcu } }));
}

/** The deploy's UpdateTable as CloudTrail records it. */
function deployEvent(tenant: Tenant, atMs: number, read: number, before: number) {
  return simulatedUpdateTable({
    tenant,
    identity: deployRoleIdentity(tenant.accountId, atMs),
    atMs,
    table: DEMO_DEPLOY.table,
    index: null,
    before: { read, write: before },
    after: { read, write: DEMO_DEPLOY.toWcu },
  });
}

/** The deploy, in the simulated history: lowers the history's model of Sessions and records the event at that time. */
export function historyDeploy(atMs: number, recorder: CloudTrailRecorder | undefined): HistoryChange {
  return {
    atMs,
    apply: async (port: CapacityPort, tenant: Tenant) => {
      const resource = { table: DEMO_DEPLOY.table, index: null };
      const read = await port.current(tenant, resource, "read");
      const write = await port.current(tenant, resource, "write");
      if (read === null || write === null) throw new Error(`${DEMO_DEPLOY.table} is not in the history's tables`);
      await port.apply(tenant, resource, "write", DEMO_DEPLOY.toWcu, atMs);
      recorder?.record(tenant, deployEvent(tenant, atMs, read, write));
    },
  };
}

/** The deploy without a history: made on the real table now (straight to DynamoDB Local) and recorded. */
export async function deployNow(admin: DynamoDBClient, tenant: Tenant, recorder: CloudTrailRecorder | undefined, atMs = Date.now()): Promise<void> {
  const table = await admin.send(new DescribeTableCommand({ TableName: DEMO_DEPLOY.table }));
  const read = table.Table?.ProvisionedThroughput?.ReadCapacityUnits;
  const write = table.Table?.ProvisionedThroughput?.WriteCapacityUnits;
  if (read === undefined || write === undefined) throw new Error(`${DEMO_DEPLOY.table} is not a provisioned table`);
  if (write === DEMO_DEPLOY.toWcu) return;
  await admin.send(new UpdateTableCommand({ TableName: DEMO_DEPLOY.table, ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: DEMO_DEPLOY.toWcu } }));
  recorder?.record(tenant, deployEvent(tenant, atMs, read, write));
}
