import { describe, expect, it } from "vitest";
import { scopeChangesFrom, tableChangesIn, type ScopeChange, type TrailEvent } from "./change-list";
import { ALICE, DEPLOY_ROLE, describedTable, scalingCall, T, trailEvent, updateTable } from "./test-events";

const MINUTE = 60_000;

function only(events: TrailEvent[]): ScopeChange {
  const { changes } = scopeChangesFrom(events);
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (!change) throw new Error("no change");
  return change;
}

describe("UpdateTable", () => {
  it("takes the 'from' of a capacity change from the answer's table description, which still holds the old throughput", () => {
    const change = only([updateTable("Sessions", { provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 5 } }, describedTable("Sessions", { read: 10, write: 20 }))]);
    expect(change).toMatchObject({ table: "Sessions", eventName: "UpdateTable", eventSource: "dynamodb.amazonaws.com", kind: "capacity", index: null, resource: "table/Sessions", error: null });
    // Read capacity asked for is what it was: not a change.
    expect(change.summary).toEqual(["write capacity 20 → 5"]);
    expect(change.effects).toEqual([{ type: "capacity", index: null, direction: "write", from: 20, to: 5 }]);
    expect(change.who).toBe(DEPLOY_ROLE);
    expect(change.automatic).toBe(false);
  });

  it("uses the capacity an earlier change asked for when the record has no description, else says what it was set to", () => {
    const failedFirst = updateTable("Sessions", { provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 1 } }, null, { at: T - 2 * MINUTE, error: { code: "LimitExceededException", message: "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day." } });
    const first = updateTable("Sessions", { provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 40 } }, null, { at: T - MINUTE });
    const second = updateTable("Sessions", { provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 8 } }, null, { at: T });
    const { changes } = scopeChangesFrom([second, first, failedFirst]);
    expect(changes.map((change) => change.summary)).toEqual([
      ["read capacity set to 10", "write capacity set to 1"],
      ["read capacity set to 10", "write capacity set to 40"],
      ["write capacity 40 → 8"],
    ]);
    // A failed call changed nothing: it carries the error, no effects, and is not the 'from' of the next one.
    expect(changes[0]).toMatchObject({ error: "LimitExceededException: Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day.", effects: [] });
    expect(changes[2]?.effects).toEqual([{ type: "capacity", index: null, direction: "write", from: 40, to: 8 }]);
  });

  it("summarizes a billing mode change, naming the mode it left when the description still shows it", () => {
    const change = only([updateTable("Shop", { billingMode: "PAY_PER_REQUEST" }, describedTable("Shop", { read: 100, write: 50 }, { billingModeSummary: { billingMode: "PROVISIONED" } }))]);
    expect(change).toMatchObject({ kind: "billing", summary: ["billing mode provisioned → on-demand"], effects: [{ type: "billing", from: "PROVISIONED", to: "PAY_PER_REQUEST" }] });
    const unknown = only([updateTable("Shop", { billingMode: "PROVISIONED", provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 } }, null)]);
    expect(unknown.summary).toEqual(["billing mode set to provisioned", "read capacity set to 5", "write capacity set to 5"]);
    expect(unknown.kind).toBe("billing");
  });

  it("names a GSI created, deleted or resized, and files a one-GSI change under that GSI", () => {
    const created = only([
      updateTable(
        "Shop",
        {
          attributeDefinitions: [{ attributeName: "status", attributeType: "S" }],
          globalSecondaryIndexUpdates: [{ create: { indexName: "ByStatus", keySchema: [{ attributeName: "status", keyType: "HASH" }], projection: { projectionType: "ALL" }, provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 } } }],
        },
        describedTable("Shop", { read: 100, write: 50 }),
      ),
    ]);
    expect(created).toMatchObject({ kind: "index", index: "ByStatus", resource: "table/Shop/index/ByStatus", summary: ["GSI ByStatus created"], effects: [{ type: "index-created", index: "ByStatus" }] });
    const deleted = only([updateTable("Shop", { globalSecondaryIndexUpdates: [{ delete: { indexName: "Old" } }] }, describedTable("Shop", { read: 100, write: 50 }))]);
    expect(deleted).toMatchObject({ kind: "index", summary: ["GSI Old deleted"], effects: [{ type: "index-deleted", index: "Old" }] });
    const resized = only([
      updateTable(
        "Shop",
        { globalSecondaryIndexUpdates: [{ update: { indexName: "GSI1", provisionedThroughput: { readCapacityUnits: 100, writeCapacityUnits: 5 } } }] },
        describedTable("Shop", { read: 100, write: 50 }, { globalSecondaryIndexes: [{ indexName: "GSI1", indexStatus: "UPDATING", provisionedThroughput: { readCapacityUnits: 100, writeCapacityUnits: 20 } }] }),
      ),
    ]);
    expect(resized).toMatchObject({ kind: "capacity", index: "GSI1", summary: ["GSI GSI1 write capacity 20 → 5"], effects: [{ type: "capacity", index: "GSI1", direction: "write", from: 20, to: 5 }] });
  });

  it("summarizes the stream and the on-demand maximum (AWS's -1 is no maximum)", () => {
    const stream = only([updateTable("Shop", { streamSpecification: { streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" } }, describedTable("Shop", null))]);
    expect(stream).toMatchObject({ kind: "stream", summary: ["stream turned on (NEW_AND_OLD_IMAGES)"], effects: [] });
    const off = only([updateTable("Shop", { streamSpecification: { streamEnabled: false } }, describedTable("Shop", null))]);
    expect(off.summary).toEqual(["stream turned off"]);
    const max = only([updateTable("Shop", { onDemandThroughput: { maxWriteRequestUnits: 100 } }, describedTable("Shop", null, { onDemandThroughput: { maxReadRequestUnits: -1, maxWriteRequestUnits: 400 } }))]);
    expect(max).toMatchObject({ kind: "capacity", summary: ["on-demand maximum for writes 400 → 100"], effects: [{ type: "on-demand-maximum", index: null, direction: "write", from: 400, to: 100 }] });
    const removed = only([updateTable("Shop", { onDemandThroughput: { maxWriteRequestUnits: -1 } }, describedTable("Shop", null, { onDemandThroughput: { maxWriteRequestUnits: 400 } }))]);
    expect(removed.summary).toEqual(["on-demand maximum for writes 400 → none"]);
  });
});

describe("the other DynamoDB calls", () => {
  it("summarizes TTL, point-in-time recovery, Contributor Insights and Kinesis streaming", () => {
    const events = [
      trailEvent({ eventName: "UpdateTimeToLive", at: T, request: { tableName: "Shop", timeToLiveSpecification: { enabled: true, attributeName: "expiresAt" } }, response: { timeToLiveSpecification: { enabled: true, attributeName: "expiresAt" } } }),
      trailEvent({ eventName: "UpdateContinuousBackups", at: T + 1, request: { tableName: "Shop", pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 } } }),
      trailEvent({ eventName: "UpdateContinuousBackups", at: T + 2, request: { tableName: "Shop", pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: false } } }),
      trailEvent({ eventName: "UpdateContributorInsights", at: T + 3, request: { tableName: "Shop", indexName: "GSI1", contributorInsightsAction: "ENABLE", contributorInsightsMode: "THROTTLED_KEYS" } }),
      trailEvent({ eventName: "UpdateContributorInsights", at: T + 4, request: { tableName: "Shop", contributorInsightsAction: "DISABLE" } }),
      trailEvent({ eventName: "UpdateKinesisStreamingDestination", at: T + 5, request: { tableName: "Shop", streamArn: "arn:aws:kinesis:us-west-2:111122223333:stream/orders", updateKinesisStreamingConfiguration: { approximateCreationDateTimePrecision: "MICROSECOND" } } }),
    ];
    const { changes } = scopeChangesFrom(events);
    expect(changes.map((change) => [change.kind, change.index, change.summary])).toEqual([
      ["ttl", null, ["TTL turned on (attribute expiresAt)"]],
      ["backup", null, ["point-in-time recovery turned on (35 days)"]],
      ["backup", null, ["point-in-time recovery turned off"]],
      ["insights", "GSI1", ["Contributor Insights turned on for GSI GSI1 (THROTTLED_KEYS)"]],
      ["insights", null, ["Contributor Insights turned off for the table"]],
      ["stream", null, ["Kinesis streaming to orders updated: timestamp precision MICROSECOND"]],
    ]);
  });

  it("finds the table of TagResource by its ARN and of a restore by its target, and summarizes a deletion", () => {
    const events = [
      trailEvent({ eventName: "TagResource", at: T, request: { resourceArn: "arn:aws:dynamodb:us-west-2:111122223333:table/Shop", tags: [{ key: "team", value: "checkout" }, { key: "env", value: "prod" }] } }),
      trailEvent({ eventName: "RestoreTableFromBackup", at: T + 1, request: { targetTableName: "Shop", backupArn: "arn:aws:dynamodb:us-west-2:111122223333:table/Shop/backup/01700000000000-abcdef12" } }),
      trailEvent({ eventName: "DeleteTable", at: T + 2, request: { tableName: "Shop" }, response: describedTable("Shop", { read: 25, write: 25 }) }),
    ];
    const { changes } = scopeChangesFrom(events);
    expect(changes.map((change) => [change.table, change.kind, change.summary])).toEqual([
      ["Shop", "tags", ["tags set: team, env"]],
      ["Shop", "restore", ["restored from backup 01700000000000-abcdef12"]],
      ["Shop", "delete", ["table deleted"]],
    ]);
  });

  it("leaves out read calls and records it cannot read, counting the latter", () => {
    const describe = { ...trailEvent({ eventName: "DescribeTable", request: { tableName: "Shop" } }), readOnly: true };
    const broken = { ...trailEvent({ eventName: "UpdateTable", request: { tableName: "Shop" } }), record: "{not json" };
    expect(scopeChangesFrom([describe, broken])).toEqual({ changes: [], unreadable: 1 });
  });
});

describe("Application Auto Scaling calls", () => {
  it("takes a new minimum's and maximum's 'from' from the previous registration of the same target", () => {
    const events = [
      scalingCall("RegisterScalableTarget", "table/Shop/index/GSI1", "Write", { minCapacity: 5, maxCapacity: 400 }, { at: T }),
      scalingCall("RegisterScalableTarget", "table/Shop", "Write", { minCapacity: 2, maxCapacity: 50 }, { at: T + MINUTE }),
      scalingCall("RegisterScalableTarget", "table/Shop/index/GSI1", "Write", { minCapacity: 1, maxCapacity: 100 }, { at: T + 2 * MINUTE, arn: ALICE }),
    ];
    const { changes } = scopeChangesFrom(events);
    expect(changes.map((change) => [change.eventSource, change.kind, change.index, change.resource, change.summary])).toEqual([
      ["autoscaling.amazonaws.com", "scaling", "GSI1", "table/Shop/index/GSI1", ["minimum set to 5", "maximum set to 400"]],
      ["autoscaling.amazonaws.com", "scaling", null, "table/Shop", ["minimum set to 2", "maximum set to 50"]],
      ["autoscaling.amazonaws.com", "scaling", "GSI1", "table/Shop/index/GSI1", ["minimum 5 → 1", "maximum 400 → 100"]],
    ]);
    expect(changes[2]?.effects).toEqual([
      { type: "scaling-minimum", index: "GSI1", direction: "write", from: 5, to: 1 },
      { type: "scaling-maximum", index: "GSI1", direction: "write", from: 400, to: 100 },
    ]);
    expect(changes[2]?.who).toBe(ALICE);
  });

  it("summarizes a target-tracking policy, its deletion and the target's deregistration", () => {
    const events = [
      scalingCall(
        "PutScalingPolicy",
        "table/Shop",
        "Read",
        {
          policyName: "reads-tt",
          policyType: "TargetTrackingScaling",
          targetTrackingScalingPolicyConfiguration: { targetValue: 70, predefinedMetricSpecification: { predefinedMetricType: "DynamoDBReadCapacityUtilization" }, scaleOutCooldown: 60, scaleInCooldown: 300, disableScaleIn: true },
        },
        { at: T },
      ),
      scalingCall("DeleteScalingPolicy", "table/Shop", "Read", { policyName: "reads-tt" }, { at: T + 1 }),
      scalingCall("DeregisterScalableTarget", "table/Shop/index/GSI1", "Write", {}, { at: T + 2 }),
    ];
    const { changes } = scopeChangesFrom(events);
    expect(changes.map((change) => change.summary)).toEqual([
      ["policy reads-tt: target 70%", "cooldowns: scale-out 60 s, scale-in 300 s", "scale-in disabled"],
      ["policy reads-tt deleted"],
      ["auto scaling turned off for GSI GSI1 writes"],
    ]);
    expect(changes.map((change) => change.effects)).toEqual([
      [],
      [{ type: "scaling-policy-removed", index: null, direction: "read", policy: "reads-tt" }],
      [{ type: "scaling-removed", index: "GSI1", direction: "write" }],
    ]);
  });

  it("keeps a failed call with its error, and leaves out other services' namespaces", () => {
    const failed = scalingCall("RegisterScalableTarget", "table/Shop", "Write", { minCapacity: 10, maxCapacity: 5 }, { error: { code: "ValidationException", message: "Minimum capacity cannot be larger than maximum capacity" } });
    const ecs = { ...scalingCall("RegisterScalableTarget", "table/Shop", "Write"), record: JSON.stringify({ eventName: "RegisterScalableTarget", eventSource: "autoscaling.amazonaws.com", additionalEventData: { service: "application-autoscaling" }, requestParameters: { serviceNamespace: "ecs", resourceId: "service/default/web" } }) };
    const { changes } = scopeChangesFrom([failed, ecs]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ error: "ValidationException: Minimum capacity cannot be larger than maximum capacity", effects: [], summary: ["minimum set to 10", "maximum set to 5"] });
  });

  it("marks changes AWS made on the account's behalf (auto scaling's service-linked role) as automatic", () => {
    const role = "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable/AutoScaling";
    const change = only([updateTable("Shop", { provisionedThroughput: { readCapacityUnits: 100, writeCapacityUnits: 80 } }, describedTable("Shop", { read: 100, write: 50 }), { arn: role, invokedBy: "dynamodb.application-autoscaling.amazonaws.com" })]);
    expect(change).toMatchObject({ who: role, automatic: true, summary: ["write capacity 50 → 80"] });
  });
});

describe("ordering", () => {
  it("keeps calls recorded within one second in the order given (CloudTrail's times are whole seconds)", () => {
    const events = [
      scalingCall("RegisterScalableTarget", "table/Shop", "Write", { minCapacity: 5, maxCapacity: 400 }, { at: T, id: "ffff" }),
      scalingCall("RegisterScalableTarget", "table/Shop", "Write", { minCapacity: 1, maxCapacity: 100 }, { at: T, id: "0000" }),
    ];
    expect(scopeChangesFrom(events).changes.map((change) => change.summary)).toEqual([
      ["minimum set to 5", "maximum set to 400"],
      ["minimum 5 → 1", "maximum 400 → 100"],
    ]);
  });
});

describe("tableChangesIn", () => {
  it("keeps one table's changes within the window, oldest first", () => {
    const { changes } = scopeChangesFrom([
      updateTable("Shop", { billingMode: "PAY_PER_REQUEST" }, null, { at: T + 5 * MINUTE }),
      updateTable("Sessions", { billingMode: "PAY_PER_REQUEST" }, null, { at: T + MINUTE }),
      updateTable("Shop", { billingMode: "PROVISIONED" }, null, { at: T - MINUTE }),
      scalingCall("DeregisterScalableTarget", "table/Shop", "Read", {}, { at: T + 2 * MINUTE }),
    ]);
    const shop = tableChangesIn(changes, "Shop", { start: T, end: T + 10 * MINUTE });
    expect(shop.map((change) => [change.at, change.eventName])).toEqual([
      [T + 2 * MINUTE, "DeregisterScalableTarget"],
      [T + 5 * MINUTE, "UpdateTable"],
    ]);
    expect(shop[0]).not.toHaveProperty("table");
  });
});
