import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { FleetAccount } from "./demo-fleet";

export type FleetClientOptions = { maxAttempts?: number };

/**
 * An unguarded DynamoDB client for one account in one region, on any endpoint of the local stack (the metering proxy,
 * or DynamoDB Local itself for fixtures). It signs with the account's key and the region, which is all the local
 * services go by, exactly as the product's per-account clients do.
 */
export function fleetDynamoDb(endpoint: string, account: FleetAccount, region: string, options: FleetClientOptions = {}): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: account.credentials, maxAttempts: options.maxAttempts ?? 3 });
}

/** An unguarded CloudWatch client for one account in one region: it sees that account's metrics in that region only. */
export function fleetCloudWatch(endpoint: string, account: FleetAccount, region: string, options: FleetClientOptions = {}): CloudWatchClient {
  return new CloudWatchClient({ endpoint, region, credentials: account.credentials, maxAttempts: options.maxAttempts ?? 1 });
}
