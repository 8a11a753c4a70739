import { CloudWatchClient, DeleteAlarmsCommand, GetMetricDataCommand, PutMetricAlarmCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { DYNAMODB_AUTOSCALING_PRINCIPAL } from "../cloudtrail/identities";
import type { CapacityKind, ResourceRef, Tenant } from "./identifiers";
import type { AlarmPort, CapacityPort } from "./scaling-ports";

// The local services read only the access key and region of the signature; the secret is a placeholder.
const PLACEHOLDER_SECRET = "application-autoscaling";
const MINUTE = 60_000;

/** One client per tenant, made on first use, all destroyed together. */
function clientsPer<T extends { destroy: () => void }>(make: (tenant: Tenant) => T) {
  const clients = new Map<string, T>();
  return {
    for(tenant: Tenant): T {
      const key = `${tenant.accessKeyId}/${tenant.region}`;
      let client = clients.get(key);
      if (!client) {
        client = make(tenant);
        clients.set(key, client);
      }
      return client;
    },
    destroy: () => {
      for (const client of clients.values()) client.destroy();
      clients.clear();
    },
  };
}

const credentialsOf = (tenant: Tenant) => ({ accessKeyId: tenant.accessKeyId, secretAccessKey: PLACEHOLDER_SECRET });

type Throughput = { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined;
const unitsOf = (throughput: Throughput, kind: CapacityKind) => (kind === "read" ? throughput?.ReadCapacityUnits : throughput?.WriteCapacityUnits);

/**
 * Capacity through the metering proxy, signed as the tenant, as Application Auto Scaling calls DynamoDB with the
 * service-linked role: DescribeTable to read, UpdateTable to change. The proxy invalidates its table catalog on
 * UpdateTable, so its enforcer throttles against the new capacity at once, and it answers a decrease over the daily
 * limit with LimitExceededException.
 */
export function proxyCapacityPort(dynamodbEndpoint: string): CapacityPort & { destroy: () => void } {
  // The user agent names the service principal, as CloudTrail's userAgent does for auto scaling's calls: the metering
  // proxy records them as the service-linked role's (proxy-trail.ts).
  const clients = clientsPer(
    (tenant) => new DynamoDBClient({ endpoint: dynamodbEndpoint, region: tenant.region, credentials: credentialsOf(tenant), maxAttempts: 3, customUserAgent: DYNAMODB_AUTOSCALING_PRINCIPAL }),
  );
  const describe = async (tenant: Tenant, table: string) => {
    try {
      return (await clients.for(tenant).send(new DescribeTableCommand({ TableName: table }))).Table;
    } catch (error) {
      if (error instanceof Error && error.name === "ResourceNotFoundException") return undefined;
      throw error;
    }
  };
  const throughputOf = async (tenant: Tenant, resource: ResourceRef) => {
    const table = await describe(tenant, resource.table);
    if (!table || table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST") return undefined;
    if (resource.index === null) return table.ProvisionedThroughput;
    return table.GlobalSecondaryIndexes?.find((index) => index.IndexName === resource.index)?.ProvisionedThroughput;
  };
  return {
    current: async (tenant, resource, kind) => unitsOf(await throughputOf(tenant, resource), kind) ?? null,
    apply: async (tenant, resource, kind, capacity) => {
      const throughput = await throughputOf(tenant, resource);
      const read = unitsOf(throughput, "read");
      const write = unitsOf(throughput, "write");
      if (read === undefined || write === undefined) throw new Error(`${resource.table} is not a provisioned table with that index`);
      // UpdateTable wants both units; the other one stays as it is.
      const ProvisionedThroughput = { ReadCapacityUnits: kind === "read" ? capacity : read, WriteCapacityUnits: kind === "write" ? capacity : write };
      await clients.for(tenant).send(
        new UpdateTableCommand(
          resource.index === null
            ? { TableName: resource.table, ProvisionedThroughput }
            : { TableName: resource.table, GlobalSecondaryIndexUpdates: [{ Update: { IndexName: resource.index, ProvisionedThroughput } }] },
        ),
      );
    },
    destroy: clients.destroy,
  };
}

/** The tenant's alarms and metrics in the local CloudWatch, through the real CloudWatch SDK. */
export function cloudWatchAlarmPort(cloudwatchEndpoint: string): AlarmPort & { destroy: () => void } {
  const clients = clientsPer((tenant) => new CloudWatchClient({ endpoint: cloudwatchEndpoint, region: tenant.region, credentials: credentialsOf(tenant), maxAttempts: 3 }));
  return {
    put: async (tenant, alarms) => {
      for (const alarm of alarms) await clients.for(tenant).send(new PutMetricAlarmCommand(alarm));
    },
    delete: async (tenant, alarmNames) => {
      // DeleteAlarms takes up to 100 names.
      for (let start = 0; start < alarmNames.length; start += 100) {
        await clients.for(tenant).send(new DeleteAlarmsCommand({ AlarmNames: alarmNames.slice(start, start + 100) }));
      }
    },
    latestMinuteSum: async (tenant, metric, atMs) => {
      const end = Math.floor(atMs / MINUTE) * MINUTE;
      const result = await clients.for(tenant).send(
        new GetMetricDataCommand({
          StartTime: new Date(end - 5 * MINUTE),
          EndTime: new Date(end),
          MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metric.metricName, Dimensions: metric.dimensions }, Period: 60, Stat: "Sum" } }],
        }),
      );
      const series = result.MetricDataResults?.[0];
      const points = (series?.Timestamps ?? []).map((at, index) => ({ at: at.getTime(), value: series?.Values?.[index] }));
      const latest = points.filter((point) => point.value !== undefined).sort((a, b) => b.at - a.at)[0];
      return latest?.value ?? null;
    },
    destroy: clients.destroy,
  };
}
