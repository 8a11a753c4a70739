import type { TestProject } from "vitest/node";
import { startLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { startLocalCloudTrail } from "../../local/aws/cloudtrail/start-local-cloudtrail";
import { startLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { startDynamoDbLocal } from "../../local/dynamodb-local/start-dynamodb-local";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    /** The run's local CloudWatch, which the product's cloudwatch() client reads (CLOUDWATCH_ENDPOINT). */
    cloudwatchEndpoint: string;
    /** The run's local Application Auto Scaling (AUTOSCALING_ENDPOINT): without it the product's client would call AWS. */
    autoscalingEndpoint: string;
    /** The run's local CloudTrail (CLOUDTRAIL_ENDPOINT), without the lookup rate limit; auto scaling records its calls there. */
    cloudtrailEndpoint: string;
  }
}

/**
 * One DynamoDB Local and one local CloudWatch per integration run, on free ports; each test file creates its own
 * tables. Tests that need a CloudWatch of their own (to count calls in isolation) still start one themselves.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal({ heapMb: 768 });
  const cloudwatch = await startLocalCloudWatch().catch(async (error: unknown) => {
    await dynamodb.stop();
    throw error;
  });
  const cloudtrail = await startLocalCloudTrail({ rateLimit: false }).catch(async (error: unknown) => {
    await Promise.allSettled([cloudwatch.stop(), dynamodb.stop()]);
    throw error;
  });
  const autoscaling = await startLocalAutoScaling({ cloudwatch, dynamodbEndpoint: dynamodb.endpoint, cloudtrail: { recorder: cloudtrail } }).catch(async (error: unknown) => {
    await Promise.allSettled([cloudtrail.stop(), cloudwatch.stop(), dynamodb.stop()]);
    throw error;
  });
  // Workers are forked after global setup, so they inherit this environment and lib/env.ts sees the local endpoints.
  process.env.DYNAMODB_ENDPOINT = dynamodb.endpoint;
  process.env.CLOUDWATCH_ENDPOINT = cloudwatch.endpoint;
  process.env.AUTOSCALING_ENDPOINT = autoscaling.endpoint;
  process.env.CLOUDTRAIL_ENDPOINT = cloudtrail.endpoint;
  process.env.AWS_REGION = LOCAL_REGION;
  process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_PROFILE;
  delete process.env.TABLES;
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  project.provide("cloudwatchEndpoint", cloudwatch.endpoint);
  project.provide("autoscalingEndpoint", autoscaling.endpoint);
  project.provide("cloudtrailEndpoint", cloudtrail.endpoint);
  return async () => {
    // Stop both even if one fails, then report the first failure.
    const results = await Promise.allSettled([autoscaling.stop(), cloudtrail.stop(), cloudwatch.stop(), dynamodb.stop()]);
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason));
  };
}
