/** Where a running `npm run demo` records its endpoints, for `npm run demo:check`. */
export const DEMO_ENDPOINTS_FILE = ".local-data/demo-endpoints.json";

export type DemoEndpoints = { dashboard: string; dynamodbLocal: string; meteringProxy: string; cloudwatch: string };
