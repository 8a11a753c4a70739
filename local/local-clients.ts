import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * Unguarded clients for the local stack's own tooling (seed, workload, tests). The product never uses
 * these: its clients live in lib/server/aws and are read-only. DynamoDB Local runs with -sharedDb,
 * so any fixed credentials see the same tables.
 */
export const LOCAL_REGION = "us-east-1";
export const LOCAL_CREDENTIALS = { accessKeyId: "local", secretAccessKey: "local" } as const;

export function localDynamoDb(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 10 });
}
