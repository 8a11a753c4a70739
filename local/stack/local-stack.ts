import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../dynamodb-local/start-dynamodb-local";
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoDb } from "../local-clients";
import { seedDemo, type SeedResult } from "../seed/seed-demo";

export type LocalStack = {
  dynamodb: RunningDynamoDbLocal;
  seed: SeedResult[];
  /** The environment that points the dashboard at this stack. */
  dashboardEnv: Record<string, string>;
  stop: () => Promise<void>;
};

/** DynamoDB Local plus the demo data: the embedded default that `npm run demo`, e2e and the bench share. */
export async function startLocalStack(options: {
  port?: number;
  heapMb?: number;
  dataDir?: string;
  seed: boolean;
  log?: (line: string) => void;
}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dynamodb = await startDynamoDbLocal({ port: options.port, heapMb: options.heapMb, dataDir: options.dataDir });
  log(`DynamoDB Local answering on ${dynamodb.endpoint}`);
  let seed: SeedResult[] = [];
  if (options.seed) {
    const client = localDynamoDb(dynamodb.endpoint);
    try {
      seed = await seedDemo(client, log);
    } catch (error) {
      await dynamodb.stop();
      throw error;
    } finally {
      client.destroy();
    }
  }
  return {
    dynamodb,
    seed,
    dashboardEnv: {
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    },
    stop: () => dynamodb.stop(),
  };
}
