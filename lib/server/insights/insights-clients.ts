import "server-only";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Scope } from "@/lib/scope/scope";
import { cloudwatch, dynamodb } from "@/lib/server/aws/clients";

/** The clients Contributor Insights is read with; tests point them at the metering proxy and a local CloudWatch. */
export type InsightsClients = { dynamodb?: DynamoDBClient; cloudwatch?: CloudWatchClient };

const ids = new WeakMap<object, number>();
let nextId = 0;

/** The scope's guarded clients unless others are given. */
export function resolveClients(scope: Scope, clients: InsightsClients): { dynamodb: DynamoDBClient; cloudwatch: CloudWatchClient } {
  return { dynamodb: clients.dynamodb ?? dynamodb(scope), cloudwatch: clients.cloudwatch ?? cloudwatch(scope) };
}

/** A cache key part per client, so answers read through one endpoint are never served for another. */
export function clientKey(client: object): number {
  let id = ids.get(client);
  if (id === undefined) {
    id = ++nextId;
    ids.set(client, id);
  }
  return id;
}
