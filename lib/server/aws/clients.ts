import "server-only";
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { CloudWatchClient, type CloudWatchClientConfig } from "@aws-sdk/client-cloudwatch";
import { ApplicationAutoScalingClient, type ApplicationAutoScalingClientConfig } from "@aws-sdk/client-application-auto-scaling";
import { CloudTrailClient, type CloudTrailClientConfig } from "@aws-sdk/client-cloudtrail";
import { DynamoDBStreamsClient, type DynamoDBStreamsClientConfig } from "@aws-sdk/client-dynamodb-streams";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { env } from "@/lib/env";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { accountConfig } from "@/lib/server/scope/resolve-scope";
import { accountCredentials } from "./account-credentials";
import { installReadOnlyGuard } from "./read-only-guard";
import { AUTOSCALING_READ_OPERATIONS, CLOUDTRAIL_READ_OPERATIONS, CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS, DYNAMODB_STREAMS_READ_OPERATIONS } from "./read-only-allowlist";

type SharedConfig = Pick<DynamoDBClientConfig, "region" | "endpoint" | "profile" | "requestHandler" | "maxAttempts" | "credentials">;

/** Builds a guarded DynamoDB client. */
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

export function createAutoScalingClient(config: Pick<ApplicationAutoScalingClientConfig, keyof SharedConfig>): ApplicationAutoScalingClient {
  const client = new ApplicationAutoScalingClient(config);
  installReadOnlyGuard(client, "Application Auto Scaling", AUTOSCALING_READ_OPERATIONS);
  return client;
}

export function createCloudTrailClient(config: Pick<CloudTrailClientConfig, keyof SharedConfig>): CloudTrailClient {
  const client = new CloudTrailClient(config);
  installReadOnlyGuard(client, "CloudTrail", CLOUDTRAIL_READ_OPERATIONS);
  return client;
}

export function createDynamoDbStreamsClient(config: Pick<DynamoDBStreamsClientConfig, keyof SharedConfig>): DynamoDBStreamsClient {
  const client = new DynamoDBStreamsClient(config);
  installReadOnlyGuard(client, "DynamoDB Streams", DYNAMODB_STREAMS_READ_OPERATIONS);
  return client;
}

type AnyClient = DynamoDBClient | CloudWatchClient | ApplicationAutoScalingClient | CloudTrailClient | DynamoDBStreamsClient;

type ClientCache = {
  clients: Map<string, AnyClient>;
  /** One credentials provider per account, shared by its clients in every region, so a role is assumed once. */
  credentials: Map<string, AwsCredentialIdentityProvider | undefined>;
};

// Cached on globalThis so dev-mode hot reload reuses one client per account, region and service instead of leaking sockets.
const cache: ClientCache = ((globalThis as { __dynamoLensClients?: ClientCache }).__dynamoLensClients ??= { clients: new Map(), credentials: new Map() });

function credentialsOf(scope: Scope): AwsCredentialIdentityProvider | undefined {
  const account = accountConfig(scope);
  const stsEndpoint = env().stsEndpoint;
  if (!cache.credentials.has(account.name)) cache.credentials.set(account.name, accountCredentials(account, stsEndpoint ? { stsClientConfig: { endpoint: stsEndpoint } } : {}));
  return cache.credentials.get(account.name);
}

/**
 * Node's own connect has no timeout: an unreachable region or endpoint would hold a fleet read for minutes. Five
 * seconds is far above any healthy connect to AWS, so it only cuts short what has already failed.
 */
const CONNECTION_TIMEOUT_MS = 5_000;

function configFor(scope: Scope, endpoint: string | undefined): SharedConfig {
  const credentials = credentialsOf(scope);
  const base = { region: scope.region, endpoint, requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS } };
  // The default chain honours AWS_PROFILE through `profile`; an account with its own credentials ignores it.
  return credentials ? { ...base, credentials } : { ...base, profile: env().awsProfile };
}

function cached<C extends AnyClient>(service: string, scope: Scope, build: () => C, isC: (client: unknown) => client is C): C {
  // accountConfig refuses a scope that is not configured before any client is built for it.
  accountConfig(scope);
  const key = `${service} ${scopeKey(scope)}`;
  const existing = cache.clients.get(key);
  if (isC(existing)) return existing;
  const client = build();
  cache.clients.set(key, client);
  return client;
}

const isDynamoDb = (client: unknown): client is DynamoDBClient => client instanceof DynamoDBClient;
const isCloudWatch = (client: unknown): client is CloudWatchClient => client instanceof CloudWatchClient;
const isAutoScaling = (client: unknown): client is ApplicationAutoScalingClient => client instanceof ApplicationAutoScalingClient;
const isCloudTrail = (client: unknown): client is CloudTrailClient => client instanceof CloudTrailClient;
const isDynamoDbStreams = (client: unknown): client is DynamoDBStreamsClient => client instanceof DynamoDBStreamsClient;

/** The scope's guarded DynamoDB client, built on first use and reused. */
export function dynamodb(scope: Scope): DynamoDBClient {
  return cached("dynamodb", scope, () => createDynamoDbClient(configFor(scope, env().dynamodbEndpoint)), isDynamoDb);
}

/**
 * The client background jobs (size audits, key samples) read with: the same read-only guard, but one attempt per
 * request. The SDK's default retries back off and resend a throttled request; a job must instead stop on the first
 * ProvisionedThroughputExceededException / ThrottlingException, so it never keeps pressing on a table that is
 * already out of capacity and competing with the application's own traffic.
 */
export function dynamodbForJobs(scope: Scope): DynamoDBClient {
  return cached("dynamodb-jobs", scope, () => createDynamoDbClient({ ...configFor(scope, env().dynamodbEndpoint), maxAttempts: 1 }), isDynamoDb);
}

export function cloudwatch(scope: Scope): CloudWatchClient {
  return cached("cloudwatch", scope, () => createCloudWatchClient(configFor(scope, env().cloudwatchEndpoint)), isCloudWatch);
}

export function autoscaling(scope: Scope): ApplicationAutoScalingClient {
  return cached("autoscaling", scope, () => createAutoScalingClient(configFor(scope, env().autoscalingEndpoint)), isAutoScaling);
}

export function cloudtrail(scope: Scope): CloudTrailClient {
  return cached("cloudtrail", scope, () => createCloudTrailClient(configFor(scope, env().cloudtrailEndpoint)), isCloudTrail);
}

/** The scope's guarded DynamoDB Streams client (DescribeStream for a table's stream info), with the SDK's retries. */
export function dynamodbStreams(scope: Scope): DynamoDBStreamsClient {
  return cached("dynamodb-streams", scope, () => createDynamoDbStreamsClient(configFor(scope, env().dynamodbStreamsEndpoint)), isDynamoDbStreams);
}

/**
 * The client stream readers (the live tail, stream samples) poll shards with: one attempt per request. Every reader of
 * a shard shares about 5 GetRecords calls a second with the table's own consumers; the SDK's retries would resend a
 * LimitExceededException at once and uncounted, so the poller backs off itself and counts each throttled call.
 */
export function dynamodbStreamsForPollers(scope: Scope): DynamoDBStreamsClient {
  return cached("dynamodb-streams-pollers", scope, () => createDynamoDbStreamsClient({ ...configFor(scope, env().dynamodbStreamsEndpoint), maxAttempts: 1 }), isDynamoDbStreams);
}
