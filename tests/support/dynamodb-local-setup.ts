import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../local/dynamodb-local/start-dynamodb-local";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/** One DynamoDB Local per integration run, on a free port; each test file creates its own tables. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamodb = await startDynamoDbLocal({ heapMb: 768 });
  // Workers are forked after global setup, so they inherit this environment and lib/env.ts sees the local endpoint.
  process.env.DYNAMODB_ENDPOINT = dynamodb.endpoint;
  process.env.AWS_REGION = LOCAL_REGION;
  process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
  delete process.env.AWS_PROFILE;
  delete process.env.TABLES;
  project.provide("dynamodbEndpoint", dynamodb.endpoint);
  return () => dynamodb.stop();
}
