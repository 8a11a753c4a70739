import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Unguarded clients for the local stack's own tooling (seed, workload, tests). The product never uses
 * these: its clients live in lib/server/aws and are read-only. DynamoDB Local keeps one database per access key
 * and region (it runs without -sharedDb), so these credentials reach the demo account's us-east-1 tables, the ones
 * the dashboard reads by default; local/fleet has clients for the other accounts and regions.
 */
export const LOCAL_REGION = "us-east-1";
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

export function localDynamoDb(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
}
