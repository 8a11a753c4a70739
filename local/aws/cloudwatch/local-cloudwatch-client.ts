import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local-clients";

/**
 * An unguarded CloudWatch client on the local CloudWatch, for the local stack's own tooling and tests
 * (the product's clients live in lib/server/aws and are read-only). `maxAttempts` defaults to 1 so that
 * request counts in `/_local/stats` are exactly the calls made.
 */
export function localCloudWatchClient(endpoint: string, options: { maxAttempts?: number } = {}): CloudWatchClient {
  return new CloudWatchClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: options.maxAttempts ?? 1 });
}
