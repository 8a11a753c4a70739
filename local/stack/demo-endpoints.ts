/** Where a running `npm run demo` records its endpoints, for `npm run demo:check`. */
export const DEMO_ENDPOINTS_FILE = ".local-data/demo-endpoints.json";

/** Where `npm run demo` writes ACCOUNTS_FILE and the AWS config and credentials files for its accounts. */
export const DEMO_FLEET_DIR = ".local-data/fleet";

export type DemoEndpoints = { dashboard: string; dynamodbLocal: string; meteringProxy: string; cloudwatch: string; autoscaling?: string; cloudtrail?: string; accountsFile?: string };
