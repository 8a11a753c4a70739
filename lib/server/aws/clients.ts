import "server-only";
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { CloudWatchClient, type CloudWatchClientConfig } from "@aws-sdk/client-cloudwatch";
import { env } from "@/lib/env";
import { installReadOnlyGuard } from "./read-only-guard";
import { CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS } from "./read-only-allowlist";

type SharedConfig = Pick<DynamoDBClientConfig, "region" | "endpoint" | "profile" | "requestHandler" | "maxAttempts" | "credentials">;

/** Builds a guarded DynamoDB client. Credentials come from the SDK's default provider chain. */
export function createDynamoDbClient(config: SharedConfig): DynamoDBClient {
  const client = new DynamoDBClient(config);
  installReadOnlyGuard(client, "DynamoDB", DYNAMODB_READ_OPERATIONS);
  return client;
}

export function createCloudWatchClient(config: Pick<CloudWatchClientConfig, keyof SharedConfig>): CloudWatchClient {
  const client = new CloudWatchClient(config);
  installReadOnlyGuard(client, "CloudWatch", CLOUDWATCH_READ_OPERATIONS);
  return client;
}

type ClientCache = { dynamodb?: DynamoDBClient; dynamodbForJobs?: DynamoDBClient; cloudwatch?: CloudWatchClient };

// Cached on globalThis so dev-mode hot reload reuses one client per service instead of leaking sockets.
const cache: ClientCache = ((globalThis as { __dynamoLensClients?: ClientCache }).__dynamoLensClients ??= {});

export function dynamodb(): DynamoDBClient {
  const settings = env();
  cache.dynamodb ??= createDynamoDbClient({
    region: settings.awsRegion,
    endpoint: settings.dynamodbEndpoint,
    profile: settings.awsProfile,
  });
  return cache.dynamodb;
}

/**
 * The client background jobs (size audits, key samples) read with: the same read-only guard, but one attempt per
 * request. The SDK's default retries back off and resend a throttled request; a job must instead stop on the first
 * ProvisionedThroughputExceededException / ThrottlingException, so it never keeps pressing on a table that is
 * already out of capacity and competing with the application's own traffic.
 */
export function dynamodbForJobs(): DynamoDBClient {
  const settings = env();
  cache.dynamodbForJobs ??= createDynamoDbClient({
    region: settings.awsRegion,
    endpoint: settings.dynamodbEndpoint,
    profile: settings.awsProfile,
    maxAttempts: 1,
  });
  return cache.dynamodbForJobs;
}

export function cloudwatch(): CloudWatchClient {
  const settings = env();
  cache.cloudwatch ??= createCloudWatchClient({
    region: settings.awsRegion,
    endpoint: settings.cloudwatchEndpoint,
    profile: settings.awsProfile,
  });
  return cache.cloudwatch;
}
